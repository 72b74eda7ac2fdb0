<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/report.xsl: the PDF layer's driver. A record in, a layout document
  out (namespace urn:rapporteur:layout:1, docs/layout.md), which the
  typesetter in generator/ sets with pango and writes with cairo.

  Customize by importing this file from a layer of your own and overriding
  parameters (layout/param.xsl) or templates:
    <xsl:import href="rapporteur:layout/report.xsl"/>
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                exclude-result-prefixes="r rp">

  <xsl:include href="param.xsl"/>
  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../common/people.xsl"/>
  <xsl:include href="../common/counts.xsl"/>
  <xsl:include href="../common/fields.xsl"/>
  <xsl:include href="l10n.xsl"/>
  <xsl:include href="styles.xsl"/>
  <xsl:include href="meta.xsl"/>
  <xsl:include href="people.xsl"/>
  <xsl:include href="sections.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="counts.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="r:report"/>
  </xsl:template>

  <xsl:template match="r:report">
    <xsl:variable name="title"><xsl:call-template name="title-text"/></xsl:variable>
    <xsl:variable name="meeting"><xsl:call-template name="meeting-name-text"/></xsl:variable>
    <xsl:variable name="kind"><xsl:call-template name="session-kind-text"/></xsl:variable>
    <l:document lang="{$page-lang}" dir="{$dir}" title="{$title}" line="{rp:line(.)}"
                subject="{concat($meeting, ' – ', $kind)}"
                creator="{concat('Rapporteur ', rp:version())}">
      <xsl:attribute name="author"><xsl:call-template name="rapporteur-names"/></xsl:attribute>
      <xsl:attribute name="keywords"><xsl:call-template name="keywords"/></xsl:attribute>
      <xsl:attribute name="date"><xsl:call-template name="document-date"/></xsl:attribute>
      <xsl:call-template name="page-setup"/>
      <xsl:call-template name="styles"/>
      <l:header style="header">
        <l:start><xsl:value-of select="$meeting"/></l:start>
        <l:end><xsl:value-of select="$kind"/></l:end>
      </l:header>
      <l:footer style="footer">
        <l:start><xsl:value-of select="@symbol"/></l:start>
        <l:end><xsl:value-of select="rp:label('page.n-of-m')"/></l:end>
      </l:footer>
      <l:flow>
        <xsl:call-template name="title-block"/>
        <xsl:call-template name="status-banner"/>
        <xsl:call-template name="details"/>
        <xsl:call-template name="policy-questions"/>
        <xsl:call-template name="people"/>
        <xsl:call-template name="sections"/>
        <xsl:call-template name="gender"/>
        <xsl:call-template name="participants"/>
        <xsl:call-template name="resources"/>
        <xsl:if test="$show-provenance = 1">
          <xsl:call-template name="provenance"/>
        </xsl:if>
        <xsl:call-template name="user.flow.end"/>
      </l:flow>
    </l:document>
  </xsl:template>

  <!-- The themes, topics and tags, for the PDF's keywords. -->
  <xsl:template name="keywords">
    <xsl:for-each select="rp:pick(r:session/r:theme) | rp:pick(r:session/r:topic) | r:session/r:tag">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The record's own date for the PDF (the program prefers
       SOURCE_DATE_EPOCH): publication, transcription, else the session's. -->
  <xsl:template name="document-date">
    <xsl:variable name="m" select="r:meta"/>
    <xsl:choose>
      <xsl:when test="$m/r:published/@date"><xsl:value-of select="$m/r:published/@date"/></xsl:when>
      <xsl:when test="$m/r:submitted/@date"><xsl:value-of select="$m/r:submitted/@date"/></xsl:when>
      <xsl:when test="$m/r:transcription/@date"><xsl:value-of select="$m/r:transcription/@date"/></xsl:when>
      <xsl:when test="r:session/r:date/@when"><xsl:value-of select="r:session/r:date/@when"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(r:meeting/@year, '-01-01')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page-setup">
    <l:page margin-top="{$margin.top}" margin-bottom="{$margin.bottom}"
            margin-start="{$margin.start}" margin-end="{$margin.end}"
            header-gap="{$header.gap}" footer-gap="{$footer.gap}">
      <xsl:choose>
        <xsl:when test="$paper = 'letter'">
          <xsl:attribute name="width">8.5in</xsl:attribute>
          <xsl:attribute name="height">11in</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="width">210mm</xsl:attribute>
          <xsl:attribute name="height">297mm</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
    </l:page>
  </xsl:template>

  <!-- Hook for customization layers: blocks added at the end. -->
  <xsl:template name="user.flow.end"/>
</xsl:stylesheet>
