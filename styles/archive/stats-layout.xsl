<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive/stats-layout.xsl: the corpus statistics as a layout document, set
  into a PDF by the same typesetter as the reports, with the same styles.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:c="urn:rapporteur:corpus:1"
                xmlns:l="urn:rapporteur:layout:1"
                exclude-result-prefixes="r rp c">

  <xsl:include href="../layout/param.xsl"/>
  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../layout/l10n.xsl"/>
  <xsl:include href="../layout/styles.xsl"/>

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:variable name="stats" select="/c:corpus/c:stats"/>

  <!-- A figure, or a dash where no report gave one. -->
  <xsl:template name="figure">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$v"><xsl:value-of select="rp:number($v)"/></xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="decimal">
    <xsl:param name="value"/>
    <xsl:value-of select="translate($value, '.', rp:label('number.decimal-separator'))"/>
  </xsl:template>

  <xsl:template match="/">
    <l:document lang="{$lang}" dir="{$dir}" title="{rp:label('stats.title')}"
                subject="{rp:label('archive.title')}" creator="{concat('Rapporteur ', rp:version())}">
      <l:page width="210mm" height="297mm" margin-top="{$margin.top}" margin-bottom="{$margin.bottom}"
              margin-start="{$margin.start}" margin-end="{$margin.end}"
              header-gap="{$header.gap}" footer-gap="{$footer.gap}"/>
      <xsl:call-template name="styles"/>
      <l:header style="header"><l:start><xsl:value-of select="rp:label('archive.title')"/></l:start></l:header>
      <l:footer style="footer"><l:end><xsl:value-of select="rp:label('page.n-of-m')"/></l:end></l:footer>
      <l:flow>
        <l:p style="kicker"><xsl:value-of select="rp:label('archive.title')"/></l:p>
        <l:heading level="1" style="title" id="title"><xsl:value-of select="rp:label('stats.title')"/></l:heading>
        <l:p style="subtitle"><xsl:value-of select="rp:format('archive.count', 'n', rp:number($stats/@reports))"/></l:p>
        <l:rule style="title-rule"/>
        <l:p style="notice"><xsl:value-of select="rp:label('stats.note')"/></l:p>

        <xsl:call-template name="heading">
          <xsl:with-param name="id" select="'participants'"/>
          <xsl:with-param name="text" select="rp:label('stats.participants-per-year')"/>
        </xsl:call-template>
        <l:table style="table" widths="1 1.4 1.4 1.4">
          <l:row header="true" style="table-head">
            <l:cell style="table-cell"><xsl:value-of select="rp:label('stats.year')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('stats.participants')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('stats.with-figure')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('stats.without-figure')"/></l:cell>
          </l:row>
          <xsl:for-each select="$stats/c:series[@kind = 'participants']/c:row">
            <l:row>
              <l:cell style="table-cell"><xsl:value-of select="@key"/></l:cell>
              <l:cell style="table-num"><xsl:call-template name="figure"><xsl:with-param name="v" select="@value"/></xsl:call-template></l:cell>
              <l:cell style="table-num"><xsl:value-of select="rp:number(@n)"/></l:cell>
              <l:cell style="table-num"><xsl:value-of select="rp:number(@missing)"/></l:cell>
            </l:row>
          </xsl:for-each>
        </l:table>
        <xsl:call-template name="chart">
          <xsl:with-param name="rows" select="$stats/c:series[@kind = 'participants']/c:row[@value]"/>
        </xsl:call-template>

        <xsl:call-template name="share">
          <xsl:with-param name="series" select="$stats/c:series[@kind = 'women']"/>
          <xsl:with-param name="id" select="'women'"/>
          <xsl:with-param name="title" select="rp:label('stats.women-share')"/>
        </xsl:call-template>
        <xsl:call-template name="share">
          <xsl:with-param name="series" select="$stats/c:series[@kind = 'developing']"/>
          <xsl:with-param name="id" select="'developing'"/>
          <xsl:with-param name="title" select="rp:label('stats.developing-share')"/>
        </xsl:call-template>

        <xsl:call-template name="heading">
          <xsl:with-param name="id" select="'onsite-online'"/>
          <xsl:with-param name="text" select="rp:label('stats.onsite-online')"/>
        </xsl:call-template>
        <l:table style="table" widths="1 1.2 1.2 1.4 1.4">
          <l:row header="true" style="table-head">
            <l:cell style="table-cell"><xsl:value-of select="rp:label('stats.year')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('count.onsite')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('count.online')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('stats.with-figure')"/></l:cell>
            <l:cell style="table-num"><xsl:value-of select="rp:label('stats.without-figure')"/></l:cell>
          </l:row>
          <xsl:for-each select="$stats/c:series[@kind = 'onsite-online']/c:row">
            <l:row>
              <l:cell style="table-cell"><xsl:value-of select="@key"/></l:cell>
              <l:cell style="table-num"><xsl:call-template name="figure"><xsl:with-param name="v" select="@onsite"/></xsl:call-template></l:cell>
              <l:cell style="table-num"><xsl:call-template name="figure"><xsl:with-param name="v" select="@online"/></xsl:call-template></l:cell>
              <l:cell style="table-num"><xsl:value-of select="rp:number(@n)"/></l:cell>
              <l:cell style="table-num"><xsl:value-of select="rp:number(@missing)"/></l:cell>
            </l:row>
          </xsl:for-each>
        </l:table>

        <xsl:call-template name="groups">
          <xsl:with-param name="series" select="$stats/c:series[@kind = 'speaker-groups']"/>
          <xsl:with-param name="id" select="'speaker-groups'"/>
          <xsl:with-param name="title" select="rp:label('stats.speaker-groups')"/>
          <xsl:with-param name="prefix" select="'stakeholder.'"/>
          <xsl:with-param name="none" select="rp:label('stats.no-group')"/>
        </xsl:call-template>
        <xsl:call-template name="groups">
          <xsl:with-param name="series" select="$stats/c:series[@kind = 'speaker-regions']"/>
          <xsl:with-param name="id" select="'speaker-regions'"/>
          <xsl:with-param name="title" select="rp:label('stats.speaker-regions')"/>
          <xsl:with-param name="prefix" select="'region.'"/>
          <xsl:with-param name="none" select="rp:label('stats.no-region')"/>
        </xsl:call-template>
      </l:flow>
    </l:document>
  </xsl:template>

  <xsl:template name="share">
    <xsl:param name="series"/>
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="text" select="$title"/>
    </xsl:call-template>
    <l:table style="table" widths="1 1.2 1.4 1.4">
      <l:row header="true" style="table-head">
        <l:cell style="table-cell"><xsl:value-of select="rp:label('stats.year')"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:label('stats.share')"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:label('stats.with-figure')"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:label('stats.without-figure')"/></l:cell>
      </l:row>
      <xsl:for-each select="$series/c:row">
        <l:row>
          <l:cell style="table-cell"><xsl:value-of select="@key"/></l:cell>
          <l:cell style="table-num">
            <xsl:choose>
              <xsl:when test="@percent">
                <xsl:variable name="d"><xsl:call-template name="decimal"><xsl:with-param name="value" select="@percent"/></xsl:call-template></xsl:variable>
                <xsl:value-of select="rp:format('number.percent', 'n', $d)"/>
              </xsl:when>
              <xsl:otherwise>–</xsl:otherwise>
            </xsl:choose>
          </l:cell>
          <l:cell style="table-num"><xsl:value-of select="rp:number(@n)"/></l:cell>
          <l:cell style="table-num"><xsl:value-of select="rp:number(@missing)"/></l:cell>
        </l:row>
      </xsl:for-each>
    </l:table>
  </xsl:template>

  <xsl:template name="groups">
    <xsl:param name="series"/>
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="prefix"/>
    <xsl:param name="none"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="text" select="$title"/>
    </xsl:call-template>
    <l:table style="table" widths="3 1">
      <l:row header="true" style="table-head">
        <l:cell style="table-cell"><xsl:value-of select="rp:label('label.category')"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:label('stats.speakers')"/></l:cell>
      </l:row>
      <xsl:for-each select="$series/c:row">
        <l:row>
          <l:cell style="table-cell"><xsl:value-of select="rp:label(concat($prefix, @key))"/></l:cell>
          <l:cell style="table-num"><xsl:call-template name="figure"><xsl:with-param name="v" select="@value"/></xsl:call-template></l:cell>
        </l:row>
      </xsl:for-each>
      <l:row>
        <l:cell style="table-cell"><xsl:value-of select="$none"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:number($series/@missing)"/></l:cell>
      </l:row>
      <l:row style="table-head">
        <l:cell style="table-cell"><xsl:value-of select="rp:label('stats.total')"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:number($series/@n + $series/@missing)"/></l:cell>
      </l:row>
    </l:table>
    <xsl:call-template name="chart">
      <xsl:with-param name="rows" select="$series/c:row"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="chart">
    <xsl:param name="rows"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:if test="$chart = 1 and $rows">
      <l:chart style="chart">
        <!-- The text alternative of the figure (PDF /Alt): "label: value; label: value". -->
        <xsl:attribute name="alt">
          <xsl:for-each select="$rows">
            <xsl:if test="position() > 1">; </xsl:if>
            <xsl:call-template name="chart-label"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template>
            <xsl:value-of select="concat(': ', rp:number(@value))"/>
          </xsl:for-each>
        </xsl:attribute>
        <xsl:for-each select="$rows">
          <l:bar value="{@value}" text="{rp:number(@value)}">
            <xsl:attribute name="label">
              <xsl:call-template name="chart-label"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template>
            </xsl:attribute>
          </l:bar>
        </xsl:for-each>
      </l:chart>
    </xsl:if>
  </xsl:template>
  <!-- A chart row's label: the catalog's name of its key, or the key itself. -->
  <xsl:template name="chart-label">
    <xsl:param name="prefix"/>
    <xsl:choose>
      <xsl:when test="$prefix != ''"><xsl:value-of select="rp:label(concat($prefix, @key))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
