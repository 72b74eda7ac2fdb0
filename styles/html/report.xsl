<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/report.xsl: the HTML layer's driver. A record in, an HTML5 page out
  (serialized by generator/html.c, which writes <!DOCTYPE html>).

  Customize by importing this file from a layer of your own and overriding
  parameters (html/param.xsl) or templates; see README.md, "Customizing":
    <xsl:import href="rapporteur:html/report.xsl"/>
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                exclude-result-prefixes="r rp">

  <xsl:include href="param.xsl"/>
  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../common/people.xsl"/>
  <xsl:include href="../common/counts.xsl"/>
  <xsl:include href="../common/fields.xsl"/>
  <xsl:include href="l10n.xsl"/>
  <xsl:include href="meta.xsl"/>
  <xsl:include href="people.xsl"/>
  <xsl:include href="sections.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="counts.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="r:report"/>
  </xsl:template>

  <xsl:template match="r:report">
    <html lang="{$page-lang}" dir="{$dir}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:call-template name="title-text"/>
          <xsl:text> – </xsl:text>
          <xsl:call-template name="meeting-name-text"/>
        </title>
        <meta name="generator" content="{concat('Rapporteur ', rp:version())}"/>
        <xsl:if test="@symbol">
          <meta name="dcterms.identifier" content="{@symbol}"/>
        </xsl:if>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:call-template name="alternate-links"/>
        <xsl:call-template name="user.head"/>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:value-of select="rp:label('ui.skip-to-content')"/></a>
        <xsl:call-template name="masthead"/>
        <main id="main">
          <xsl:call-template name="status-banner"/>
          <xsl:call-template name="details"/>
          <xsl:call-template name="policy-questions"/>
          <xsl:call-template name="people"/>
          <xsl:call-template name="sections"/>
          <xsl:call-template name="gender"/>
          <xsl:call-template name="participants"/>
          <xsl:call-template name="resources"/>
          <xsl:call-template name="user.main.end"/>
        </main>
        <xsl:call-template name="page-footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- Hooks for customization layers: empty here. -->
  <xsl:template name="user.head"/>
  <xsl:template name="user.main.end"/>
  <xsl:template name="user.footer"/>
</xsl:stylesheet>
