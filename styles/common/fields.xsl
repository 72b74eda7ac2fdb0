<?xml version="1.0" encoding="UTF-8"?>
<!--
  common/fields.xsl: the content sections (record-spec.md, content), in the
  order every layer shows them, with their label keys.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp str">

  <!-- The order of the content fields: empty for the record's own order
       (the form's), or a list such as 'description agenda summary ...' for
       one order across a corpus (fields not listed are left out). -->
  <xsl:param name="section-order" select="''"/>

  <xsl:key name="section-kind" match="r:content/r:section" use="string(@kind)"/>

  <!-- Each content field once, at its first copy, in the chosen order; the
       layer renders a field by mode="section" on its picked copy, and all
       presentations by its template "presentations". -->
  <xsl:template name="sections">
    <xsl:variable name="content" select="$report/r:content"/>
    <xsl:choose>
      <xsl:when test="normalize-space($section-order) = ''">
        <xsl:for-each select="$content/*">
          <xsl:call-template name="section-at"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="str:tokenize($section-order, ' ')">
          <xsl:variable name="name" select="string(.)"/>
          <xsl:for-each select="$content/*[local-name() = $name]">
            <xsl:call-template name="section-at"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="section-at">
    <xsl:variable name="name" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="self::r:presentation">
        <xsl:if test="not(preceding-sibling::r:presentation)">
          <xsl:call-template name="presentations"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="self::r:section">
        <xsl:if test="generate-id() = generate-id(key('section-kind', string(@kind))[1])">
          <xsl:apply-templates select="rp:pick(key('section-kind', string(@kind)))" mode="section"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="not(preceding-sibling::*[local-name() = $name])">
        <xsl:apply-templates select="rp:pick(../*[local-name() = $name])" mode="section"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The label key of a content field. -->
  <xsl:template name="section-key">
    <xsl:param name="name" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="$name = 'keyIssues'">label.key-issues</xsl:when>
      <xsl:when test="$name = 'presentation'">label.presentations</xsl:when>
      <xsl:when test="$name = 'wayForward'">label.way-forward</xsl:when>
      <xsl:when test="$name = 'policyRecommendations'">label.policy-recommendations</xsl:when>
      <xsl:when test="$name = 'keyTakeaways'">label.key-takeaways</xsl:when>
      <xsl:when test="$name = 'callsToAction'">label.calls-to-action</xsl:when>
      <xsl:when test="$name = 'otherInitiatives'">label.other-initiatives</xsl:when>
      <xsl:when test="$name = 'progressForTomorrow'">label.progress-for-tomorrow</xsl:when>
      <xsl:when test="$name = 'sessionOutputs'">label.session-outputs</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('label.', $name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A stable anchor for a section: "summary", "presentation-p-ruff". -->
  <xsl:template name="section-anchor">
    <xsl:param name="node" select="."/>
    <xsl:choose>
      <xsl:when test="local-name($node) = 'presentation' and $node/@by">
        <xsl:value-of select="concat('presentation-', $node/@by)"/>
      </xsl:when>
      <xsl:when test="local-name($node) = 'section'">
        <xsl:value-of select="concat('section-', $node/@kind)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name($node)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- True if a field is one of the "lists of items" (agenda...). -->
  <xsl:template name="is-item-field">
    <xsl:param name="name" select="local-name()"/>
    <xsl:if test="$name = 'agenda' or $name = 'keyIssues' or $name = 'keyTakeaways' or $name = 'callsToAction'">1</xsl:if>
  </xsl:template>
</xsl:stylesheet>
