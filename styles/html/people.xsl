<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/people.xsl: organizers, moderators, speakers, rapporteurs... as a
  description list, each person with affiliation and localized stakeholder
  group. Names are isolated (<bdi>) so that a Latin name in an Arabic page,
  or a name holding bidi controls, cannot reorder the text around it.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:str="http://exslt.org/strings"
                xmlns:set="http://exslt.org/sets"
                exclude-result-prefixes="r rp str set">

  <xsl:template name="people">
    <xsl:if test="$report/r:roles/r:role">
      <section id="people" aria-labelledby="h-people">
        <h2 id="h-people"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.people'"/></xsl:call-template></h2>
        <dl class="people">
          <xsl:for-each select="str:tokenize($role-order, ' ')">
            <xsl:variable name="type" select="string(.)"/>
            <xsl:for-each select="$report">
              <xsl:call-template name="role-entry">
                <xsl:with-param name="type" select="$type"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:for-each>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One role type: a dt, then the members (each once). -->
  <xsl:template name="role-entry">
    <xsl:param name="type"/>
    <xsl:variable name="ids">
      <xsl:call-template name="members-of-type">
        <xsl:with-param name="type" select="$type"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="tokens" select="str:tokenize($ids, ' ')"/>
    <xsl:variable name="unique" select="set:distinct($tokens)"/>
    <xsl:if test="$unique">
      <dt>
        <xsl:call-template name="role-label">
          <xsl:with-param name="type" select="$type"/>
          <xsl:with-param name="count" select="count($unique)"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:variable name="all" select="key('roles-of-type', $type)"/>
        <xsl:variable name="labelled" select="$all[@label]"/>
        <xsl:choose>
          <xsl:when test="count(key('roles-of-type', $type)) &gt; 1 and count($labelled) = count(key('roles-of-type', $type))">
            <!-- Several roles of one type, each with the form's label (panel
                 segments, say): one group per role, under its label. -->
            <xsl:for-each select="key('roles-of-type', $type)">
              <p class="role-group">
                <xsl:call-template name="lang-attrs"/>
                <xsl:value-of select="@label"/>
              </p>
              <ul>
                <xsl:variable name="role" select="."/>
                <xsl:for-each select="str:tokenize(@who, ' &#9;&#10;&#13;')">
                  <xsl:variable name="id" select="string(.)"/>
                  <xsl:for-each select="$report">
                    <li><xsl:apply-templates select="key('cast', $id)" mode="person"><xsl:with-param name="role" select="$role"/></xsl:apply-templates></li>
                  </xsl:for-each>
                </xsl:for-each>
              </ul>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
        <ul>
          <xsl:for-each select="$unique">
            <xsl:variable name="id" select="string(.)"/>
            <xsl:for-each select="$report">
              <xsl:variable name="who" select="key('cast', $id)"/>
              <!-- One role of the type (the usual case) needs no search. -->
              <xsl:variable name="role" select="$all[count($all) = 1] | $all[count($all) &gt; 1][contains(concat(' ', normalize-space(@who), ' '), concat(' ', $id, ' '))][1]"/>
              <li>
                <xsl:apply-templates select="$who" mode="person">
                  <xsl:with-param name="role" select="$role"/>
                </xsl:apply-templates>
              </li>
            </xsl:for-each>
          </xsl:for-each>
        </ul>
          </xsl:otherwise>
        </xsl:choose>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- "Name, Affiliation (Stakeholder group) · online" -->
  <xsl:template match="r:person | r:org" mode="person">
    <xsl:param name="role"/>
    <xsl:for-each select="rp:pick(r:name)[1]">
      <bdi class="name">
        <xsl:call-template name="lang-attrs"/>
        <xsl:value-of select="normalize-space(.)"/>
      </bdi>
    </xsl:for-each>
    <xsl:if test="self::r:org and @abbr and not(contains(rp:pick(r:name)[1], @abbr))">
      <xsl:text> </xsl:text>
      <xsl:call-template name="paren"><xsl:with-param name="text" select="@abbr"/></xsl:call-template>
    </xsl:if>
    <xsl:for-each select="r:affiliation">
      <xsl:value-of select="rp:label('list.separator')"/>
      <xsl:choose>
        <xsl:when test="@org">
          <xsl:variable name="org" select="key('cast', @org)"/>
          <bdi class="org">
            <xsl:for-each select="rp:pick($org/r:name)[1]">
              <xsl:call-template name="lang-attrs"/>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </bdi>
        </xsl:when>
        <xsl:otherwise>
          <bdi class="org">
            <xsl:call-template name="lang-attrs"/>
            <xsl:value-of select="normalize-space(.)"/>
          </bdi>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:variable name="groups"><xsl:call-template name="groups-text"/></xsl:variable>
    <xsl:if test="string($groups) != ''">
      <xsl:text> </xsl:text>
      <span class="stakeholder">
        <xsl:call-template name="paren"><xsl:with-param name="text" select="$groups"/></xsl:call-template>
      </span>
    </xsl:if>
    <xsl:if test="$role/@mode">
      <xsl:text> · </xsl:text>
      <span class="mode"><xsl:value-of select="rp:label(concat('mode.', $role/@mode))"/></span>
    </xsl:if>
  </xsl:template>

  <!-- An ID that nothing declares (the checker refuses such records). -->
  <xsl:template match="*" mode="person"/>
</xsl:stylesheet>
