<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/inline.xsl: rich text (design rule 7) as layout blocks and runs:
  paragraphs, lists with nested numbering and hanging markers, and the
  inlines em, strong, q, link, name, span and gap.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp str">

  <!-- Markers of unnumbered ordered items by depth: 1., a., i. -->
  <xsl:param name="list.numbering" select="'1 a i'"/>
  <!-- Bullets by depth. -->
  <xsl:param name="list.bullets" select="'• – ‣'"/>

  <!-- Quotation marks by language: opening, then closing. -->
  <xsl:template name="quote-marks">
    <xsl:param name="which"/>
    <xsl:variable name="l" select="substring($ui-lang, 1, 2)"/>
    <xsl:choose>
      <xsl:when test="$l = 'fr'"><xsl:value-of select="substring('«&#x202F;&#x202F;»', 1 + 2 * ($which = 'close'), 2)"/></xsl:when>
      <xsl:when test="$l = 'es' or $l = 'ru' or $l = 'ar'"><xsl:value-of select="substring('«»', 1 + ($which = 'close'), 1)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="substring('“”', 1 + ($which = 'close'), 1)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:p">
    <xsl:param name="style" select="'body'"/>
    <l:p style="{$style}">
      <xsl:call-template name="block-attrs"/>
      <xsl:apply-templates mode="inline"/>
    </l:p>
  </xsl:template>

  <xsl:template match="r:list">
    <l:list style="list">
      <xsl:call-template name="block-attrs"/>
      <xsl:apply-templates select="r:item">
        <xsl:with-param name="ordered" select="@type = 'ordered'"/>
      </xsl:apply-templates>
    </l:list>
  </xsl:template>

  <xsl:template match="r:item">
    <xsl:param name="ordered" select="false()"/>
    <xsl:variable name="depth" select="count(ancestor::r:list | ancestor::r:agenda | ancestor::r:keyIssues | ancestor::r:keyTakeaways | ancestor::r:callsToAction)"/>
    <xsl:variable name="marker">
      <xsl:choose>
        <xsl:when test="@n">
          <xsl:value-of select="normalize-space(@n)"/>
          <xsl:if test="not(contains('.):', substring(normalize-space(@n), string-length(normalize-space(@n)))))">.</xsl:if>
        </xsl:when>
        <xsl:when test="$ordered">
          <xsl:variable name="format" select="str:tokenize($list.numbering, ' ')[1 + ($depth - 1) mod 3]"/>
          <xsl:number value="count(preceding-sibling::r:item) + 1" format="{$format}"/>
          <xsl:text>.</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="str:tokenize($list.bullets, ' ')[1 + ($depth - 1) mod 3]"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <l:item marker="{$marker}" line="{rp:line(.)}">
      <xsl:if test="@kind = 'open-discussion'">
        <l:p style="notice" keep-with-next="true">
          <xsl:call-template name="label-attrs"><xsl:with-param name="key" select="'label.open-discussion'"/></xsl:call-template>
          <xsl:value-of select="rp:label('label.open-discussion')"/>
        </l:p>
      </xsl:if>
      <xsl:call-template name="mixed-blocks"/>
      <xsl:if test="@addressee">
        <xsl:variable name="names">
          <xsl:for-each select="str:tokenize(@addressee, ' ')">
            <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
            <xsl:value-of select="rp:label(concat('stakeholder.', .))"/>
          </xsl:for-each>
        </xsl:variable>
        <l:p style="notice">
          <xsl:call-template name="label-attrs"><xsl:with-param name="key" select="'label.addressed-to'"/></xsl:call-template>
          <xsl:value-of select="rp:format('label.addressed-to', 'addressees', $names)"/>
        </l:p>
      </xsl:if>
    </l:item>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Inline runs                                                  -->
  <!-- ============================================================ -->

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="r:em" mode="inline">
    <l:span>
      <xsl:call-template name="run-lang"/>
      <xsl:choose>
        <xsl:when test="$italic-ok"><xsl:attribute name="italic">true</xsl:attribute></xsl:when>
        <xsl:otherwise><xsl:attribute name="weight">bold</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </l:span>
  </xsl:template>

  <xsl:template match="r:strong" mode="inline">
    <l:span weight="bold"><xsl:call-template name="run-lang"/><xsl:apply-templates mode="inline"/></l:span>
  </xsl:template>

  <xsl:template match="r:q" mode="inline">
    <xsl:call-template name="quote-marks"><xsl:with-param name="which" select="'open'"/></xsl:call-template>
    <l:span><xsl:call-template name="run-lang"/><xsl:apply-templates mode="inline"/></l:span>
    <xsl:call-template name="quote-marks"><xsl:with-param name="which" select="'close'"/></xsl:call-template>
  </xsl:template>

  <!-- Paper cannot be clicked: a link whose text is not its address is
       followed by the address, in small type. -->
  <xsl:template match="r:link" mode="inline">
    <xsl:variable name="href" select="normalize-space(@href)"/>
    <l:span style="link" href="{$href}" isolate="true">
      <xsl:call-template name="run-lang"/>
      <xsl:apply-templates mode="inline"/>
      <xsl:if test="normalize-space(.) = ''"><xsl:value-of select="$href"/></xsl:if>
    </l:span>
    <xsl:if test="$link.show-address = 1 and normalize-space(.) != '' and normalize-space(.) != $href
                  and normalize-space(.) != substring-after($href, 'mailto:')">
      <xsl:text> </xsl:text>
      <l:span style="link-address" href="{$href}" dir="ltr">
        <xsl:value-of select="concat('&lt;', $href, '&gt;')"/>
      </l:span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:name" mode="inline">
    <l:span isolate="true">
      <xsl:call-template name="run-lang"/>
      <xsl:choose>
        <xsl:when test="normalize-space(.) = '' and @ref">
          <xsl:for-each select="rp:pick(key('cast', @ref)/r:name)[1]">
            <xsl:attribute name="lang"><xsl:call-template name="lang-of"/></xsl:attribute>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
      </xsl:choose>
    </l:span>
  </xsl:template>

  <xsl:template match="r:span" mode="inline">
    <l:span>
      <xsl:call-template name="run-lang"/>
      <xsl:choose>
        <xsl:when test="@dir"><xsl:attribute name="dir"><xsl:value-of select="@dir"/></xsl:attribute></xsl:when>
        <xsl:when test="@xml:lang"><xsl:attribute name="dir"><xsl:value-of select="rp:dir(@xml:lang)"/></xsl:attribute></xsl:when>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </l:span>
  </xsl:template>

  <xsl:template match="r:gap" mode="inline">
    <l:span style="gap" lang="{rp:label-lang('notice.gap')}" isolate="true"><xsl:value-of select="rp:label('notice.gap')"/></l:span>
  </xsl:template>

  <!-- Blocks met in inline context (a note's paragraphs): their text. -->
  <xsl:template match="r:p | r:item" mode="inline">
    <xsl:if test="preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="r:list" mode="inline">
    <xsl:text> </xsl:text>
    <xsl:apply-templates select="r:item" mode="inline"/>
  </xsl:template>

  <xsl:template match="r:*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="inline"/>

  <!-- A run's own language, when it declares one. -->
  <xsl:template name="run-lang">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
