<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/sections.xsl: the content fields in common/fields.xsl's order, each
  under its heading with its notice; the gender questions; the resources.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                xmlns:str="http://exslt.org/strings"
                xmlns:set="http://exslt.org/sets"
                exclude-result-prefixes="r rp str set">

  <xsl:key name="presentation-by" match="r:content/r:presentation" use="string(@by)"/>

  <xsl:template match="r:content/*" mode="section">
    <xsl:variable name="anchor"><xsl:call-template name="section-anchor"/></xsl:variable>
    <xsl:variable name="key"><xsl:call-template name="section-key"/></xsl:variable>
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="$anchor"/>
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="self::r:section"><xsl:value-of select="@label"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="rp:label($key)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="node" select="self::r:section"/>
    </xsl:call-template>
    <xsl:call-template name="notice"/>
    <xsl:call-template name="field-blocks"/>
  </xsl:template>

  <xsl:template name="presentations">
    <xsl:variable name="groups" select="$report/r:content/r:presentation[generate-id() = generate-id(key('presentation-by', string(@by))[1])]"/>
    <xsl:if test="$groups">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'presentations'"/>
        <xsl:with-param name="text" select="rp:label('label.presentations')"/>
      </xsl:call-template>
      <xsl:for-each select="$groups">
        <xsl:for-each select="rp:pick(key('presentation-by', string(@by)))">
          <xsl:variable name="anchor"><xsl:call-template name="section-anchor"/></xsl:variable>
          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="3"/>
            <xsl:with-param name="id" select="$anchor"/>
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="@by">
                  <xsl:variable name="name">
                    <xsl:call-template name="cast-name"><xsl:with-param name="who" select="key('cast', @by)"/></xsl:call-template>
                  </xsl:variable>
                  <xsl:value-of select="rp:format('label.presentation-by', 'name', $name)"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="rp:label('label.presentations')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="notice"/>
          <xsl:call-template name="field-blocks"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A field's content as blocks, in the field's language. -->
  <xsl:template name="field-blocks">
    <xsl:choose>
      <xsl:when test="@na = 'true' or @na = '1'">
        <l:p><xsl:call-template name="block-attrs"/><xsl:value-of select="rp:label('label.not-applicable')"/></l:p>
      </xsl:when>
      <xsl:when test="self::r:agenda or self::r:keyIssues or self::r:keyTakeaways or self::r:callsToAction">
        <l:list style="list">
          <xsl:call-template name="block-attrs"/>
          <xsl:apply-templates select="r:item">
            <xsl:with-param name="ordered" select="boolean(self::r:agenda)"/>
          </xsl:apply-templates>
        </l:list>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="mixed-blocks"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Content mixing inline runs with p and list: each stretch of inline
       content becomes a paragraph. Linear in the number of children (a
       summary may hold thousands of paragraphs): content without blocks is
       one paragraph, and a stretch is found with set:leading(). -->
  <xsl:template name="mixed-blocks">
    <xsl:param name="style" select="'body'"/>
    <xsl:choose>
      <xsl:when test="not(r:p or r:list)">
        <xsl:if test="* or normalize-space(.) != ''">
          <l:p style="{$style}">
            <xsl:call-template name="block-attrs"/>
            <xsl:apply-templates mode="inline"/>
          </l:p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::r:p or self::r:list">
              <xsl:apply-templates select="."/>
            </xsl:when>
            <xsl:when test="(self::* or normalize-space(.) != '') and
                            not(preceding-sibling::node()[self::* or normalize-space(.) != ''][1][not(self::r:p or self::r:list)])">
              <xsl:variable name="next" select="following-sibling::*[self::r:p or self::r:list][1]"/>
              <l:p style="{$style}">
                <xsl:call-template name="block-attrs"><xsl:with-param name="node" select=".."/></xsl:call-template>
                <xsl:apply-templates select=". | set:leading(following-sibling::node(), $next)" mode="inline"/>
              </l:p>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Gender and resources                                         -->
  <!-- ============================================================ -->

  <xsl:template name="gender">
    <xsl:variable name="g" select="$report/r:gender"/>
    <xsl:if test="$g/*">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'gender'"/>
        <xsl:with-param name="text" select="rp:label('label.gender')"/>
      </xsl:call-template>
      <l:table style="fields" widths="{$fields.widths}">
        <xsl:if test="$g/r:womenShare">
          <xsl:variable name="ws" select="rp:pick($g/r:womenShare)"/>
          <l:row>
            <l:cell style="field-label"><xsl:value-of select="rp:label('label.women-share')"/></l:cell>
            <l:cell style="field-value">
              <l:p style="field-value">
                <xsl:if test="$ws/@band"><l:span weight="bold"><xsl:value-of select="rp:label(concat('band.', $ws/@band))"/></l:span></xsl:if>
                <xsl:if test="$ws/@percent">
                  <xsl:variable name="pc" select="rp:format('label.women-share-percent', 'percent', $ws/@percent)"/>
                  <xsl:choose>
                    <xsl:when test="$ws/@band"><xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', $pc))"/></xsl:when>
                    <xsl:otherwise><l:span weight="bold"><xsl:value-of select="$pc"/></l:span></xsl:otherwise>
                  </xsl:choose>
                </xsl:if>
              </l:p>
              <xsl:if test="normalize-space($ws) != ''">
                <l:p style="field-value">
                  <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$g/r:womenShare"/></xsl:call-template>
                </l:p>
              </xsl:if>
            </l:cell>
          </l:row>
        </xsl:if>
        <xsl:if test="$g/r:genderTopic">
          <xsl:variable name="gt" select="rp:pick($g/r:genderTopic)"/>
          <l:row>
            <l:cell style="field-label"><xsl:value-of select="rp:label('label.gender-topic')"/></l:cell>
            <l:cell style="field-value">
              <xsl:if test="$gt/@extent">
                <l:p style="field-value"><l:span weight="bold"><xsl:value-of select="rp:label(concat('extent.', $gt/@extent))"/></l:span></l:p>
              </xsl:if>
              <xsl:if test="normalize-space($gt) != ''">
                <l:p style="field-value">
                  <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$g/r:genderTopic"/></xsl:call-template>
                </l:p>
              </xsl:if>
            </l:cell>
          </l:row>
        </xsl:if>
        <xsl:if test="$g/r:genderDiscussion">
          <l:row>
            <l:cell style="field-label"><xsl:value-of select="rp:label('label.gender-discussion')"/></l:cell>
            <l:cell style="field-value">
              <xsl:for-each select="rp:pick($g/r:genderDiscussion)">
                <xsl:if test="position() = 1"><xsl:call-template name="notice"/></xsl:if>
                <xsl:call-template name="field-blocks"/>
              </xsl:for-each>
            </l:cell>
          </l:row>
        </xsl:if>
      </l:table>
    </xsl:if>
  </xsl:template>

  <xsl:template name="resources">
    <xsl:variable name="res" select="$report/r:resources/r:resource"/>
    <xsl:if test="$res">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'resources'"/>
        <xsl:with-param name="text" select="rp:label('label.resources')"/>
      </xsl:call-template>
      <l:list style="list">
        <xsl:for-each select="$res">
          <l:item marker="•">
            <l:p>
              <xsl:call-template name="block-attrs"><xsl:with-param name="node" select="."/></xsl:call-template>
              <xsl:variable name="text">
                <xsl:choose>
                  <xsl:when test="r:label"><xsl:value-of select="normalize-space(rp:pick(r:label))"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="rp:label(concat('resource.', @kind))"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <l:span isolate="true">
                <xsl:if test="r:label">
                  <xsl:variable name="ll"><xsl:call-template name="lang-of"><xsl:with-param name="node" select="rp:pick(r:label)"/></xsl:call-template></xsl:variable>
                  <xsl:if test="string($ll) != '' and $ll != $page-lang"><xsl:attribute name="lang"><xsl:value-of select="$ll"/></xsl:attribute></xsl:if>
                </xsl:if>
                <xsl:value-of select="$text"/>
              </l:span>
              <xsl:if test="r:label">
                <xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', rp:label(concat('resource.', @kind))))"/>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="@href">
                  <xsl:value-of select="rp:format('text.labelled', 'label', '', 'value', '')"/>
                  <l:span style="link" href="{@href}" dir="ltr"><xsl:value-of select="@href"/></l:span>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="concat(' ', rp:label('label.resource-no-link'))"/>
                </xsl:otherwise>
              </xsl:choose>
            </l:p>
          </l:item>
        </xsl:for-each>
      </l:list>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
