<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/l10n.xsl: languages in HTML. Every fragment shown in another language
  than the page carries its own lang (and dir where it differs); labels that
  fell back to English say so; notices say where a copy came from.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp str">

  <!-- lang and dir attributes for an element showing `node`, when its
       language differs from the page's. -->
  <xsl:template name="lang-attrs">
    <xsl:param name="node" select="."/>
    <xsl:param name="context-lang" select="$page-lang"/>
    <xsl:variable name="node-lang">
      <xsl:call-template name="lang-of">
        <xsl:with-param name="node" select="$node"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($node-lang) != '' and
                  translate($node-lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
                  != translate($context-lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')">
      <xsl:attribute name="lang"><xsl:value-of select="$node-lang"/></xsl:attribute>
      <xsl:if test="rp:dir($node-lang) != rp:dir($context-lang)">
        <xsl:attribute name="dir"><xsl:value-of select="rp:dir($node-lang)"/></xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- lang/dir for a record element that declares its own xml:lang
       (span, p, item...), relative to its parent's language. -->
  <xsl:template name="own-lang-attrs">
    <xsl:if test="@xml:lang">
      <xsl:variable name="parent-lang">
        <xsl:call-template name="lang-of">
          <xsl:with-param name="node" select=".."/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="lang-attrs">
        <xsl:with-param name="context-lang" select="$parent-lang"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A lang attribute on an element holding the label `key`, if the
       label came from another catalog than the page's language. -->
  <xsl:template name="label-lang-attr">
    <xsl:param name="key"/>
    <xsl:variable name="from" select="rp:label-lang($key)"/>
    <xsl:if test="not(rp:same-lang($from, $page-lang))">
      <xsl:attribute name="lang"><xsl:value-of select="$from"/></xsl:attribute>
      <xsl:if test="rp:dir($from) != $dir">
        <xsl:attribute name="dir"><xsl:value-of select="rp:dir($from)"/></xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A label as the content of the current element, with its lang. -->
  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:call-template name="label-lang-attr">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
    <xsl:value-of select="rp:label($key)"/>
  </xsl:template>

  <!-- lang/dir for a label shown inside record content (the current
       node), when the content's language is not the label's. -->
  <xsl:template name="label-in-content">
    <xsl:param name="key"/>
    <xsl:variable name="here"><xsl:call-template name="lang-of"/></xsl:variable>
    <xsl:variable name="from" select="rp:label-lang($key)"/>
    <xsl:if test="string($here) != '' and not(rp:same-lang($here, $from))">
      <xsl:attribute name="lang"><xsl:value-of select="$from"/></xsl:attribute>
      <xsl:if test="rp:dir($from) != rp:dir($here)">
        <xsl:attribute name="dir"><xsl:value-of select="rp:dir($from)"/></xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A non-translatable value of the record (room, tags...) in a span
       with the record's language where it differs from the page's. -->
  <xsl:template name="record-text">
    <xsl:param name="node" select="."/>
    <xsl:param name="text" select="normalize-space($node)"/>
    <span>
      <xsl:call-template name="lang-attrs"><xsl:with-param name="node" select="$node"/></xsl:call-template>
      <xsl:value-of select="$text"/>
    </span>
  </xsl:template>

  <!-- The notice of a copy, as a paragraph, if one is due. -->
  <xsl:template name="notice">
    <xsl:param name="copy" select="."/>
    <xsl:variable name="text">
      <xsl:call-template name="notice-text">
        <xsl:with-param name="copy" select="$copy"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($text) != ''">
      <p class="notice"><xsl:value-of select="$text"/></p>
    </xsl:if>
  </xsl:template>

  <!-- The same, inline, for short fields (in a dd, a list item). -->
  <xsl:template name="notice-inline">
    <xsl:param name="copy" select="."/>
    <xsl:variable name="text">
      <xsl:call-template name="notice-text">
        <xsl:with-param name="copy" select="$copy"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($text) != ''">
      <xsl:text> </xsl:text>
      <small class="notice"><xsl:value-of select="rp:format('text.parenthesized', 'text', $text)"/></small>
    </xsl:if>
  </xsl:template>

  <!-- A short field's picked copy as inline content with its language. -->
  <xsl:template name="short-field">
    <xsl:param name="copies"/>
    <xsl:param name="blocks" select="false()"/>
    <xsl:for-each select="rp:pick($copies)">
      <xsl:choose>
        <xsl:when test="$blocks and (r:p or r:list)">
          <div class="field">
            <xsl:call-template name="lang-attrs"/>
            <xsl:apply-templates select="." mode="field-content"/>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
          <span>
            <xsl:call-template name="lang-attrs"/>
            <xsl:apply-templates select="." mode="inline-content"/>
          </span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="position() = last()">
        <xsl:call-template name="notice-inline"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The links between the language versions of this report. -->
  <xsl:template name="alternate-links">
    <xsl:variable name="id" select="$report/@id"/>
    <xsl:for-each select="str:tokenize($languages, ' ')">
      <link rel="alternate" hreflang="{.}" href="{concat($id, '.', ., '.html')}"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="language-switcher">
    <xsl:variable name="id" select="$report/@id"/>
    <xsl:variable name="langs" select="str:tokenize($languages, ' ')"/>
    <xsl:if test="count($langs) &gt; 1">
      <nav class="languages">
        <xsl:attribute name="aria-label"><xsl:value-of select="rp:label('ui.other-languages')"/></xsl:attribute>
        <ul>
          <xsl:for-each select="$langs">
            <li>
              <a href="{concat($id, '.', ., '.html')}" hreflang="{.}" lang="{.}">
                <xsl:if test="rp:dir(.) != $dir">
                  <xsl:attribute name="dir"><xsl:value-of select="rp:dir(.)"/></xsl:attribute>
                </xsl:if>
                <xsl:if test="string(.) = $lang">
                  <xsl:attribute name="aria-current">page</xsl:attribute>
                </xsl:if>
                <xsl:call-template name="autonym"><xsl:with-param name="tag" select="string(.)"/></xsl:call-template>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
