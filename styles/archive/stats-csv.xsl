<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive/stats-csv.xsl: the corpus statistics as CSV for analysts (RFC 4180,
  codes rather than labels, one row per figure, with n and the reports
  without a figure; an empty value is a figure no report gave).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:rapporteur:corpus:1">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text>series,key,value,part,total,percent,reports,n,missing&#13;&#10;</xsl:text>
    <xsl:for-each select="/c:corpus/c:stats/c:series">
      <xsl:variable name="kind" select="@kind"/>
      <xsl:for-each select="c:row">
        <xsl:choose>
          <xsl:when test="$kind = 'onsite-online'">
            <xsl:value-of select="concat('onsite,', @key, ',', @onsite, ',,,,', @reports, ',', @n, ',', @missing, '&#13;&#10;')"/>
            <xsl:value-of select="concat('online,', @key, ',', @online, ',,,,', @reports, ',', @n, ',', @missing, '&#13;&#10;')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($kind, ',', @key, ',', @value, ',', @part, ',', @total, ',', @percent, ',', @reports, ',', @n, ',', @missing, '&#13;&#10;')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="$kind = 'speaker-groups' or $kind = 'speaker-regions'">
        <xsl:value-of select="concat($kind, ',(none),', @missing, ',,,,,', @n, ',', @missing, '&#13;&#10;')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
