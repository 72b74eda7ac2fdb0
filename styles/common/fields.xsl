<?xml version="1.0" encoding="UTF-8"?>
<!--
  common/fields.xsl: the content sections (record-spec.md, content), in the
  order every layer shows them, with their label keys.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                exclude-result-prefixes="r rp">

  <!-- The content fields in the order they are shown; presentations and
       free sections are grouped by @by and @kind. -->
  <xsl:param name="section-order"
             select="'description agenda keyIssues presentation summary conclusions wayForward policyRecommendations keyTakeaways callsToAction otherInitiatives progressForTomorrow sessionOutputs section'"/>

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
