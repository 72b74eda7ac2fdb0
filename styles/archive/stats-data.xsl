<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive/stats-data.xsl: the corpus statistics, computed once from the
  corpus document, for the HTML page, the PDF and the CSV alike. Every
  figure says n (the reports that gave it) and how many did not: a missing
  figure is never counted as zero.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:c="urn:rapporteur:corpus:1"
                exclude-result-prefixes="r">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:key name="year" match="c:entry" use="c:facet[@kind = 'year']/@key"/>
  <xsl:key name="speaker-group" match="c:person[@speaks]" use="string(@stakeholder)"/>
  <xsl:key name="speaker-region" match="c:person[@speaks]" use="string(@region)"/>

  <xsl:variable name="entries" select="/c:corpus/c:entry"/>
  <xsl:variable name="years" select="$entries[generate-id() = generate-id(key('year', c:facet[@kind = 'year']/@key)[1])]"/>

  <xsl:template match="/">
    <c:stats reports="{count($entries)}">
      <c:series kind="participants">
        <xsl:for-each select="$years">
          <xsl:sort select="c:facet[@kind = 'year']/@key" data-type="number"/>
          <xsl:variable name="y" select="key('year', c:facet[@kind = 'year']/@key)"/>
          <xsl:variable name="with" select="$y[r:report/r:attendance/r:count[@of = 'total'][not(@role) or @role = 'participant']]"/>
          <c:row key="{c:facet[@kind = 'year']/@key}" reports="{count($y)}" n="{count($with)}" missing="{count($y) - count($with)}">
            <!-- No figure when no report gave one: never a zero. -->
            <xsl:if test="$with">
              <xsl:attribute name="value"><xsl:value-of select="sum($with/r:report/r:attendance/r:count[@of = 'total'][not(@role) or @role = 'participant'][1])"/></xsl:attribute>
            </xsl:if>
          </c:row>
        </xsl:for-each>
      </c:series>
      <xsl:call-template name="share">
        <xsl:with-param name="kind" select="'women'"/>
        <xsl:with-param name="part" select="'female'"/>
      </xsl:call-template>
      <xsl:call-template name="share">
        <xsl:with-param name="kind" select="'developing'"/>
        <xsl:with-param name="part" select="'developing'"/>
      </xsl:call-template>
      <c:series kind="onsite-online">
        <xsl:for-each select="$years">
          <xsl:sort select="c:facet[@kind = 'year']/@key" data-type="number"/>
          <xsl:variable name="y" select="key('year', c:facet[@kind = 'year']/@key)"/>
          <xsl:variable name="with" select="$y[r:report/r:attendance/r:count[@of = 'onsite'][not(@role) or @role = 'participant'] and r:report/r:attendance/r:count[@of = 'online'][not(@role) or @role = 'participant']]"/>
          <c:row key="{c:facet[@kind = 'year']/@key}" reports="{count($y)}" n="{count($with)}" missing="{count($y) - count($with)}">
            <xsl:if test="$with">
              <xsl:attribute name="onsite"><xsl:value-of select="sum($with/r:report/r:attendance/r:count[@of = 'onsite'][not(@role) or @role = 'participant'][1])"/></xsl:attribute>
              <xsl:attribute name="online"><xsl:value-of select="sum($with/r:report/r:attendance/r:count[@of = 'online'][not(@role) or @role = 'participant'][1])"/></xsl:attribute>
            </xsl:if>
          </c:row>
        </xsl:for-each>
      </c:series>
      <xsl:variable name="speakers" select="$entries/c:person[@speaks]"/>
      <c:series kind="speaker-groups" n="{count($speakers[@stakeholder])}" missing="{count($speakers[not(@stakeholder)])}">
        <xsl:for-each select="$speakers[@stakeholder][generate-id() = generate-id(key('speaker-group', string(@stakeholder))[1])]">
          <xsl:sort select="count(key('speaker-group', string(@stakeholder)))" data-type="number" order="descending"/>
          <xsl:sort select="@stakeholder"/>
          <c:row key="{@stakeholder}" value="{count(key('speaker-group', string(@stakeholder)))}"/>
        </xsl:for-each>
      </c:series>
      <c:series kind="speaker-regions" n="{count($speakers[@region])}" missing="{count($speakers[not(@region)])}">
        <xsl:for-each select="$speakers[@region][generate-id() = generate-id(key('speaker-region', string(@region))[1])]">
          <xsl:sort select="count(key('speaker-region', string(@region)))" data-type="number" order="descending"/>
          <xsl:sort select="@region"/>
          <c:row key="{@region}" value="{count(key('speaker-region', string(@region)))}"/>
        </xsl:for-each>
      </c:series>
    </c:stats>
  </xsl:template>

  <!-- A share of participants per year: sum(part) / sum(total) over the
       reports that gave both. -->
  <xsl:template name="share">
    <xsl:param name="kind"/>
    <xsl:param name="part"/>
    <c:series kind="{$kind}">
      <xsl:for-each select="$years">
        <xsl:sort select="c:facet[@kind = 'year']/@key" data-type="number"/>
        <xsl:variable name="y" select="key('year', c:facet[@kind = 'year']/@key)"/>
        <xsl:variable name="with" select="$y[r:report/r:attendance/r:count[@of = $part][not(@role) or @role = 'participant'] and r:report/r:attendance/r:count[@of = 'total'][not(@role) or @role = 'participant']]"/>
        <xsl:variable name="p" select="sum($with/r:report/r:attendance/r:count[@of = $part][not(@role) or @role = 'participant'][1])"/>
        <xsl:variable name="t" select="sum($with/r:report/r:attendance/r:count[@of = 'total'][not(@role) or @role = 'participant'][1])"/>
        <c:row key="{c:facet[@kind = 'year']/@key}" reports="{count($y)}" n="{count($with)}" missing="{count($y) - count($with)}">
          <xsl:if test="$with">
            <xsl:attribute name="part"><xsl:value-of select="$p"/></xsl:attribute>
            <xsl:attribute name="total"><xsl:value-of select="$t"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$t &gt; 0">
            <xsl:attribute name="percent"><xsl:value-of select="format-number($p div $t * 100, '0.0')"/></xsl:attribute>
          </xsl:if>
        </c:row>
      </xsl:for-each>
    </c:series>
  </xsl:template>
</xsl:stylesheet>
