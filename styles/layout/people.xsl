<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/people.xsl: the roles as a field list, each person with affiliation
  and localized stakeholder group; names are isolated runs (a Latin name in
  an Arabic line keeps its order).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                xmlns:str="http://exslt.org/strings"
                xmlns:set="http://exslt.org/sets"
                exclude-result-prefixes="r rp str set">

  <xsl:template name="people">
    <xsl:if test="$report/r:roles/r:role">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'people'"/>
        <xsl:with-param name="text" select="rp:label('label.people')"/>
      </xsl:call-template>
      <l:table style="fields" widths="{$fields.widths}">
        <xsl:for-each select="str:tokenize($role-order, ' ')">
          <xsl:variable name="type" select="string(.)"/>
          <xsl:for-each select="$report">
            <xsl:call-template name="role-row"><xsl:with-param name="type" select="$type"/></xsl:call-template>
          </xsl:for-each>
        </xsl:for-each>
      </l:table>
    </xsl:if>
  </xsl:template>

  <xsl:template name="role-row">
    <xsl:param name="type"/>
    <xsl:variable name="ids">
      <xsl:call-template name="members-of-type"><xsl:with-param name="type" select="$type"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="tokens" select="str:tokenize($ids, ' ')"/>
    <xsl:variable name="unique" select="set:distinct($tokens)"/>
    <xsl:if test="$unique">
      <l:row>
        <l:cell style="field-label">
          <xsl:call-template name="role-label">
            <xsl:with-param name="type" select="$type"/>
            <xsl:with-param name="count" select="count($unique)"/>
          </xsl:call-template>
        </l:cell>
        <l:cell style="field-value">
          <xsl:variable name="all" select="key('roles-of-type', $type)"/>
          <xsl:choose>
            <xsl:when test="count($all) &gt; 1 and count($all[@label]) = count($all)">
              <!-- Several labelled roles of one type: a group per role. -->
              <xsl:for-each select="$all">
                <xsl:variable name="role" select="."/>
                <l:p style="field-value">
                  <xsl:call-template name="block-attrs"/>
                  <l:span color="{$color.muted}"><xsl:value-of select="@label"/></l:span>
                </l:p>
                <xsl:for-each select="str:tokenize(@who, ' &#9;&#10;&#13;')">
                  <xsl:variable name="id" select="string(.)"/>
                  <xsl:for-each select="$report">
                    <l:p style="field-value">
                      <xsl:apply-templates select="key('cast', $id)" mode="person"><xsl:with-param name="role" select="$role"/></xsl:apply-templates>
                    </l:p>
                  </xsl:for-each>
                </xsl:for-each>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
          <xsl:for-each select="$unique">
            <xsl:variable name="id" select="string(.)"/>
            <xsl:for-each select="$report">
              <!-- One role of the type (the usual case) needs no search. -->
              <xsl:variable name="role" select="$all[count($all) = 1] | $all[count($all) &gt; 1][contains(concat(' ', normalize-space(@who), ' '), concat(' ', $id, ' '))][1]"/>
              <l:p style="field-value">
                <xsl:apply-templates select="key('cast', $id)" mode="person">
                  <xsl:with-param name="role" select="$role"/>
                </xsl:apply-templates>
              </l:p>
            </xsl:for-each>
          </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </l:cell>
      </l:row>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:person | r:org" mode="person">
    <xsl:param name="role"/>
    <xsl:for-each select="rp:pick(r:name)[1]">
      <xsl:variable name="name-lang"><xsl:call-template name="lang-of"/></xsl:variable>
      <l:span weight="bold" isolate="true">
        <xsl:if test="string($name-lang) != '' and $name-lang != $page-lang">
          <xsl:attribute name="lang"><xsl:value-of select="$name-lang"/></xsl:attribute>
        </xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
      </l:span>
    </xsl:for-each>
    <xsl:if test="self::r:org and @abbr and not(contains(normalize-space(rp:pick(r:name)[1]), @abbr))">
      <xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', @abbr))"/>
    </xsl:if>
    <xsl:for-each select="r:affiliation">
      <xsl:value-of select="rp:label('list.separator')"/>
      <l:span isolate="true">
        <xsl:choose>
          <xsl:when test="@org">
            <xsl:value-of select="normalize-space(rp:pick(key('cast', @org)/r:name)[1])"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </l:span>
    </xsl:for-each>
    <xsl:variable name="groups"><xsl:call-template name="groups-text"/></xsl:variable>
    <xsl:if test="string($groups) != ''">
      <xsl:text> </xsl:text>
      <l:span color="{$color.muted}">
        <xsl:value-of select="rp:format('text.parenthesized', 'text', $groups)"/>
      </l:span>
    </xsl:if>
    <xsl:if test="$role/@mode">
      <l:span color="{$color.muted}"><xsl:value-of select="concat(' · ', rp:label(concat('mode.', $role/@mode)))"/></l:span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="person"/>
</xsl:stylesheet>
