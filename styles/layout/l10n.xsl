<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/l10n.xsl: languages in the layout document. Every block carries the
  language of what it shows (it drives font choice, shaping and line
  breaking) and its direction; a copy from another language gets its notice.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                exclude-result-prefixes="r rp">

  <!-- lang and dir of a block showing `node`, when they differ from the
       report's; and the record line it came from. -->
  <xsl:template name="block-attrs">
    <xsl:param name="node" select="."/>
    <xsl:variable name="node-lang">
      <xsl:call-template name="lang-of">
        <xsl:with-param name="node" select="$node"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($node-lang) != '' and $node-lang != $page-lang">
      <xsl:attribute name="lang"><xsl:value-of select="$node-lang"/></xsl:attribute>
      <xsl:attribute name="dir"><xsl:value-of select="rp:dir($node-lang)"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="$node">
      <xsl:attribute name="line"><xsl:value-of select="rp:line($node)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The notice of a copy, as a small paragraph, if one is due. -->
  <xsl:template name="notice">
    <xsl:param name="copy" select="."/>
    <xsl:variable name="text">
      <xsl:call-template name="notice-text">
        <xsl:with-param name="copy" select="$copy"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($text) != ''">
      <l:p style="notice" keep-with-next="true"><xsl:value-of select="$text"/></l:p>
    </xsl:if>
  </xsl:template>

  <!-- The notice as a run after short content, in parentheses. -->
  <xsl:template name="notice-inline">
    <xsl:param name="copy" select="."/>
    <xsl:variable name="text">
      <xsl:call-template name="notice-text">
        <xsl:with-param name="copy" select="$copy"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($text) != ''">
      <xsl:text> </xsl:text>
      <l:span style="notice" lang="{$ui-lang}"><xsl:value-of select="rp:format('text.parenthesized', 'text', $text)"/></l:span>
    </xsl:if>
  </xsl:template>

  <!-- A short field's picked copies as runs, isolated and in their language. -->
  <xsl:template name="short-field">
    <xsl:param name="copies"/>
    <xsl:for-each select="rp:pick($copies)">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
      <xsl:variable name="copy-lang"><xsl:call-template name="lang-of"/></xsl:variable>
      <l:span>
        <xsl:if test="string($copy-lang) != '' and $copy-lang != $page-lang">
          <xsl:attribute name="lang"><xsl:value-of select="$copy-lang"/></xsl:attribute>
          <xsl:attribute name="dir"><xsl:value-of select="rp:dir($copy-lang)"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates mode="inline"/>
      </l:span>
      <xsl:if test="position() = last()">
        <xsl:call-template name="notice-inline"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- lang and dir for a label shown inside record content (a notice in an
       Arabic field of an English report is English). -->
  <xsl:template name="label-attrs">
    <xsl:param name="key"/>
    <xsl:variable name="from" select="rp:label-lang($key)"/>
    <xsl:attribute name="lang"><xsl:value-of select="$from"/></xsl:attribute>
    <xsl:attribute name="dir"><xsl:value-of select="rp:dir($from)"/></xsl:attribute>
  </xsl:template>

  <!-- A value of the record that is not translatable (room, tags...), as a
       run in the record's language. -->
  <xsl:template name="record-run">
    <xsl:param name="node" select="."/>
    <xsl:param name="text" select="normalize-space($node)"/>
    <xsl:variable name="node-lang"><xsl:call-template name="lang-of"><xsl:with-param name="node" select="$node"/></xsl:call-template></xsl:variable>
    <l:span isolate="true">
      <xsl:if test="string($node-lang) != '' and $node-lang != $page-lang">
        <xsl:attribute name="lang"><xsl:value-of select="$node-lang"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </l:span>
  </xsl:template>

  <!-- The place: city and country, each a run in its own language. -->
  <xsl:template name="place">
    <xsl:variable name="place" select="$report/r:meeting/r:place"/>
    <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$place/r:city"/></xsl:call-template>
    <xsl:if test="$place/r:city and $place/r:country"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
    <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$place/r:country"/></xsl:call-template>
  </xsl:template>

  <!-- A section heading with its named destination and outline entry. -->
  <xsl:template name="heading">
    <xsl:param name="level" select="2"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <xsl:param name="node" select="/.."/>
    <l:heading level="{$level}" style="h{$level}" id="{$id}" outline="{normalize-space($text)}"
               outline-level="{$level - 1}">
      <xsl:if test="$node">
        <xsl:call-template name="block-attrs"><xsl:with-param name="node" select="$node"/></xsl:call-template>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </l:heading>
  </xsl:template>
</xsl:stylesheet>
