<?xml version="1.0" encoding="UTF-8"?>
<!--
  common/counts.xsl: the participant counts (design rule 5), in the order and
  with the labels both the HTML table and chart and the PDF's use, so the two
  formats show the same figures.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                exclude-result-prefixes="r rp">

  <!-- The order of rows in tables and bars in charts. -->
  <xsl:param name="count-order"
             select="'female male other-gender youth developing developed ldc onsite online total'"/>

  <!-- The counts of one role ('participant' is the default role), in
       $count-order; the first count of each kind wins, as in the checker. -->
  <xsl:template name="counts-of-role">
    <xsl:param name="role" select="'participant'"/>
    <xsl:param name="order" select="concat(normalize-space($count-order), ' ')"/>
    <xsl:variable name="of" select="substring-before($order, ' ')"/>
    <xsl:if test="$of != ''">
      <xsl:variable name="all" select="$report/r:attendance/r:count[@of = $of]"/>
      <xsl:choose>
        <xsl:when test="$role = 'participant'">
          <xsl:apply-templates select="$all[not(@role) or @role = 'participant'][1]" mode="count-copy"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$all[@role = $role][1]" mode="count-copy"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="counts-of-role">
        <xsl:with-param name="role" select="$role"/>
        <xsl:with-param name="order" select="substring-after($order, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The roles that have counts, in a fixed order. -->
  <xsl:template name="count-roles">
    <xsl:variable name="c" select="$report/r:attendance/r:count"/>
    <xsl:if test="$c[not(@role) or @role = 'participant']">participant </xsl:if>
    <xsl:if test="$c[@role = 'speaker']">speaker </xsl:if>
    <xsl:if test="$c[@role = 'moderator']">moderator </xsl:if>
  </xsl:template>

  <!-- A count with its value as XPath reads numbers: "+12" is a count (an
       xsd:nonNegativeInteger) but number('+12') is NaN in XPath 1.0. -->
  <xsl:template match="r:count" mode="count-copy">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:value-of select="translate(normalize-space(.), '+', '')"/>
    </xsl:copy>
  </xsl:template>

  <!-- A count's label: "Female", "Developing countries"... -->
  <xsl:template name="count-label">
    <xsl:param name="count" select="."/>
    <xsl:value-of select="rp:label(concat('count.', $count/@of))"/>
  </xsl:template>

  <!-- A count's value as shown: "1,234", or "about 40" for an estimate. -->
  <xsl:template name="count-value-text">
    <xsl:param name="count" select="."/>
    <xsl:variable name="n" select="rp:number(normalize-space($count))"/>
    <xsl:choose>
      <xsl:when test="$count/@approx = 'true' or $count/@approx = '1'">
        <xsl:value-of select="rp:format('label.approximately', 'n', $n)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text alternative of a chart: "Female: 38; Male: 39; ...". -->
  <xsl:template name="counts-alt-text">
    <xsl:param name="counts"/>
    <xsl:for-each select="$counts">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:call-template name="count-label"/>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="count-value-text"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The caption of a role's counts: "Participants", "Speakers". -->
  <xsl:template name="count-role-label">
    <xsl:param name="role"/>
    <xsl:value-of select="rp:label(concat('count-role.', $role))"/>
  </xsl:template>
</xsl:stylesheet>
