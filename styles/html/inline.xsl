<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/inline.xsl: rich text (design rule 7): paragraphs, lists and items,
  and the inlines em, strong, q, link, name, span and gap.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp str">

  <xsl:template match="r:p">
    <p><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="r:list">
    <xsl:choose>
      <xsl:when test="@type = 'ordered'">
        <ol><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates select="r:item"/></ol>
      </xsl:when>
      <xsl:otherwise>
        <ul><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates select="r:item"/></ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An item keeps its recorded number (@n): as the list value when it
       is a number, else shown before the text. -->
  <xsl:template match="r:item">
    <li>
      <xsl:call-template name="own-lang-attrs"/>
      <xsl:if test="@n">
        <xsl:choose>
          <xsl:when test="translate(normalize-space(@n), '0123456789', '') = '' and (parent::r:list[@type = 'ordered'] or parent::r:agenda)">
            <xsl:attribute name="value"><xsl:value-of select="number(@n)"/></xsl:attribute>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="class">numbered</xsl:attribute>
            <span class="n"><xsl:value-of select="concat(@n, ' ')"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:if test="@kind = 'open-discussion'">
        <span class="kind">
          <xsl:call-template name="label-in-content"><xsl:with-param name="key" select="'label.open-discussion'"/></xsl:call-template>
          <xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.open-discussion'), 'value', '')"/>
        </span>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="@addressee">
        <xsl:variable name="names">
          <xsl:for-each select="str:tokenize(@addressee, ' ')">
            <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
            <xsl:value-of select="rp:label(concat('stakeholder.', .))"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:text> </xsl:text>
        <span class="addressee">
          <xsl:call-template name="label-in-content"><xsl:with-param name="key" select="'label.addressed-to'"/></xsl:call-template>
          <xsl:value-of select="rp:format('label.addressed-to', 'addressees', $names)"/>
        </span>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="r:em">
    <em><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="r:strong">
    <strong><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="r:q">
    <q><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates/></q>
  </xsl:template>

  <!-- Only http, https and mailto links reach here (the checker refuses
       the rest); the serializer escapes the URL. -->
  <xsl:template match="r:link">
    <a href="{normalize-space(@href)}">
      <xsl:call-template name="own-lang-attrs"/>
      <xsl:apply-templates/>
      <xsl:if test="normalize-space(.) = ''"><xsl:value-of select="@href"/></xsl:if>
    </a>
  </xsl:template>

  <!-- A name is isolated from the text around it. -->
  <xsl:template match="r:name">
    <bdi class="name">
      <xsl:call-template name="own-lang-attrs"/>
      <xsl:choose>
        <xsl:when test="normalize-space(.) = '' and @ref">
          <xsl:for-each select="rp:pick(key('cast', @ref)/r:name)[1]">
            <span>
              <xsl:call-template name="lang-attrs">
                <xsl:with-param name="context-lang"><xsl:call-template name="lang-of"><xsl:with-param name="node" select="current()"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
              <xsl:value-of select="normalize-space(.)"/>
            </span>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </bdi>
  </xsl:template>

  <xsl:template match="r:span">
    <xsl:choose>
      <xsl:when test="@dir">
        <bdi dir="{@dir}">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </bdi>
      </xsl:when>
      <xsl:otherwise>
        <span><xsl:call-template name="own-lang-attrs"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:gap">
    <span class="gap">
      <xsl:call-template name="label-in-content"><xsl:with-param name="key" select="'notice.gap'"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="@reason">
          <xsl:attribute name="title"><xsl:value-of select="@reason"/></xsl:attribute>
          <xsl:value-of select="rp:label('notice.gap')"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="rp:label('notice.gap')"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Person names inside a <name> field: given and family as text. -->
  <xsl:template match="r:given | r:family">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Anything unknown shows its text (the checker refuses such records). -->
  <xsl:template match="r:*">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
