<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/styles.xsl: the named styles of the layout document, from the
  parameters of param.xsl and the report's script (Latin, Arabic, Chinese).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                exclude-result-prefixes="rp">

  <!-- The report's script family: arab, cjk or latin (also Cyrillic, Greek). -->
  <xsl:variable name="script">
    <xsl:choose>
      <xsl:when test="rp:same-lang($lang, 'ar') or rp:same-lang($lang, 'fa') or rp:same-lang($lang, 'ur')">arab</xsl:when>
      <xsl:when test="rp:same-lang($lang, 'zh') or rp:same-lang($lang, 'ja') or rp:same-lang($lang, 'ko')">cjk</xsl:when>
      <xsl:otherwise>latin</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="serif">
    <xsl:choose>
      <xsl:when test="$script = 'arab'"><xsl:value-of select="$font.serif.ar"/></xsl:when>
      <xsl:when test="$script = 'cjk'"><xsl:value-of select="$font.serif.zh"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$font.serif"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="sans">
    <xsl:choose>
      <xsl:when test="$script = 'arab'"><xsl:value-of select="$font.sans.ar"/></xsl:when>
      <xsl:when test="$script = 'cjk'"><xsl:value-of select="$font.sans.zh"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$font.sans"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="size">
    <xsl:choose>
      <xsl:when test="$script = 'arab'"><xsl:value-of select="$body.size.ar"/></xsl:when>
      <xsl:when test="$script = 'cjk'"><xsl:value-of select="$body.size.zh"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$body.size"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="leading">
    <xsl:choose>
      <xsl:when test="$script = 'arab'"><xsl:value-of select="$body.leading.ar"/></xsl:when>
      <xsl:when test="$script = 'cjk'"><xsl:value-of select="$body.leading.zh"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$body.leading"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- Arabic and Chinese have no italics: emphasis is set by weight. -->
  <xsl:variable name="italic-ok" select="$script = 'latin'"/>
  <!-- Sizes scale with the body size of the script. -->
  <xsl:variable name="k" select="$size div $body.size"/>

  <xsl:template name="styles">
    <l:style name="body" font="{$serif}" size="{$size}" line-height="{$leading}"
             color="{$color.text}" space-after="{$para.space}"/>
    <l:style name="kicker" base="body" font="{$sans}" size="{$small.size * $k + 0.5}"
             line-height="1.35" color="{$color.muted}" space-after="2"/>
    <l:style name="title" base="body" font="{$sans}" size="{$title.size * $k}" line-height="1.2"
             weight="bold" color="{$color.accent}" space-after="4"/>
    <l:style name="subtitle" base="body" font="{$sans}" size="{11 * $k}" line-height="1.35"
             color="{$color.muted}" space-after="2"/>
    <l:style name="title-rule" base="body" rule-after="1.6" rule-color="{$color.accent}"
             rule-gap="6" space-after="8"/>
    <l:style name="h2" base="body" font="{$sans}" size="{$h2.size * $k}" line-height="1.25"
             weight="bold" color="{$color.accent}" space-before="15" space-after="6"
             keep-with-next="true" rule-after="0.6" rule-gap="3" rule-color="{$color.rule}"/>
    <l:style name="h3" base="body" font="{$sans}" size="{$h3.size * $k}" line-height="1.3"
             weight="bold" space-before="10" space-after="3" keep-with-next="true"/>
    <l:style name="notice" base="body" size="{$small.size * $k}" color="{$color.muted}"
             space-after="3" italic="{$italic-ok}"/>
    <l:style name="status" base="body" font="{$sans}" weight="bold" color="#3b2300"
             background="#fff8c5" padding="5" space-after="8"/>
    <l:style name="list" base="body" marker-width="{$list.indent}" space-after="2.5"/>
    <l:style name="table" base="body" font="{$sans}" size="{$table.size * $k}" line-height="1.35"
             border="0.5" border-color="{$color.rule}" space-before="4" space-after="8"/>
    <l:style name="table-head" base="table" weight="bold" background="{$color.head-fill}"
             border="1" border-color="{$color.text}"/>
    <l:style name="table-cell" base="table" padding="3" space-after="2"/>
    <l:style name="table-num" base="table-cell" align="end"/>
    <l:style name="caption" base="table" weight="bold" space-before="6" space-after="3"
             keep-with-next="true"/>
    <l:style name="fields" base="body" border="0" space-after="6"/>
    <l:style name="field-label" base="body" font="{$sans}" size="{$table.size * $k}"
             weight="bold" color="{$color.muted}" padding="2.5" line-height="1.35"/>
    <l:style name="field-value" base="body" padding="2.5" space-after="1.5"/>
    <l:style name="layout" base="body" border="0" space-after="6"/>
    <l:style name="layout-cell" base="body" padding="0"/>
    <l:style name="chart" base="body" font="{$sans}" size="{$small.size * $k}" line-height="1.3"
             background="{$color.bar}" rule-color="{$color.accent}" space-before="4"/>
    <l:style name="link" color="{$color.accent}"/>
    <l:style name="link-address" size="{$small.size * $k}" color="{$color.muted}"/>
    <l:style name="gap" color="{$color.gap}" italic="{$italic-ok}"/>
    <l:style name="small" base="body" size="{$small.size * $k}" color="{$color.muted}"
             line-height="1.4" space-after="2"/>
    <l:style name="small-head" base="small" font="{$sans}" weight="bold" space-before="12"
             keep-with-next="true"/>
    <l:style name="header" base="body" font="{$sans}" size="{$small.size * $k}" color="{$color.muted}"/>
    <l:style name="footer" base="header"/>
  </xsl:template>
</xsl:stylesheet>
