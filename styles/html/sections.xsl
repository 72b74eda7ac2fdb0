<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/sections.xsl: the content fields (description, agenda, presentations,
  summary... in common/fields.xsl's order), the gender questions and the
  resources, each section under its heading, each field in the language
  the spec's fallback picks, with its notice.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp str">

  <xsl:key name="presentation-by" match="r:content/r:presentation" use="string(@by)"/>

  <xsl:template match="r:content/*" mode="section">
    <xsl:variable name="anchor"><xsl:call-template name="section-anchor"/></xsl:variable>
    <xsl:variable name="key"><xsl:call-template name="section-key"/></xsl:variable>
    <section id="{$anchor}" aria-labelledby="h-{$anchor}">
      <h2 id="h-{$anchor}">
        <xsl:choose>
          <xsl:when test="self::r:section">
            <xsl:call-template name="lang-attrs"/>
            <xsl:value-of select="@label"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:call-template name="field-body"/>
    </section>
  </xsl:template>

  <xsl:template name="presentations">
    <xsl:variable name="groups" select="$report/r:content/r:presentation[generate-id() = generate-id(key('presentation-by', string(@by))[1])]"/>
    <xsl:if test="$groups">
      <section id="presentations" aria-labelledby="h-presentations">
        <h2 id="h-presentations"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.presentations'"/></xsl:call-template></h2>
        <xsl:for-each select="$groups">
          <xsl:for-each select="rp:pick(key('presentation-by', string(@by)))">
            <xsl:variable name="anchor"><xsl:call-template name="section-anchor"/></xsl:variable>
            <section id="{$anchor}" aria-labelledby="h-{$anchor}">
              <h3 id="h-{$anchor}">
                <xsl:choose>
                  <xsl:when test="@by">
                    <xsl:variable name="name">
                      <xsl:call-template name="cast-name">
                        <xsl:with-param name="who" select="key('cast', @by)"/>
                      </xsl:call-template>
                    </xsl:variable>
                    <xsl:value-of select="rp:format('label.presentation-by', 'name', $name)"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="label"><xsl:with-param name="key" select="'label.presentations'"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </h3>
              <xsl:call-template name="field-body"/>
            </section>
          </xsl:for-each>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A field's notice and content, in a wrapper carrying its language. -->
  <xsl:template name="field-body">
    <xsl:call-template name="notice"/>
    <div class="field">
      <xsl:call-template name="lang-attrs"/>
      <xsl:apply-templates select="." mode="field-content"/>
    </div>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Field content                                                -->
  <!-- ============================================================ -->

  <!-- N/A answers (design rule 4). -->
  <xsl:template match="*[@na = 'true' or @na = '1']" mode="field-content" priority="2">
    <p class="na"><xsl:value-of select="rp:label('label.not-applicable')"/></p>
  </xsl:template>

  <!-- Lists of items: the agenda is numbered, the others are bullets. -->
  <xsl:template match="r:agenda | r:keyIssues | r:keyTakeaways | r:callsToAction" mode="field-content">
    <xsl:choose>
      <xsl:when test="self::r:agenda">
        <ol class="items"><xsl:apply-templates select="r:item"/></ol>
      </xsl:when>
      <xsl:otherwise>
        <ul class="items"><xsl:apply-templates select="r:item"/></ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Prose: blocks as they are, bare text as one paragraph. -->
  <xsl:template match="*" mode="field-content">
    <xsl:choose>
      <xsl:when test="r:p | r:list">
        <xsl:apply-templates select="r:p | r:list"/>
      </xsl:when>
      <xsl:when test="normalize-space(.) != '' or *">
        <p><xsl:apply-templates/></p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Inline content of a short field (title, theme, name...). -->
  <xsl:template match="*" mode="inline-content">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Gender and resources                                         -->
  <!-- ============================================================ -->

  <xsl:template name="gender">
    <xsl:variable name="g" select="$report/r:gender"/>
    <xsl:if test="$g/*">
      <section id="gender" aria-labelledby="h-gender">
        <h2 id="h-gender"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.gender'"/></xsl:call-template></h2>
        <dl class="details">
          <xsl:if test="$g/r:womenShare">
            <xsl:variable name="ws" select="rp:pick($g/r:womenShare)"/>
            <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.women-share'"/></xsl:call-template></dt>
            <dd>
              <xsl:if test="$ws/@band">
                <strong><xsl:value-of select="rp:label(concat('band.', $ws/@band))"/></strong>
              </xsl:if>
              <xsl:if test="$ws/@percent">
                <xsl:variable name="pc" select="rp:format('label.women-share-percent', 'percent', $ws/@percent)"/>
                <xsl:choose>
                  <xsl:when test="$ws/@band">
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="paren"><xsl:with-param name="text" select="$pc"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise><strong><xsl:value-of select="$pc"/></strong></xsl:otherwise>
                </xsl:choose>
              </xsl:if>
              <xsl:if test="normalize-space($ws) != ''">
                <xsl:if test="$ws/@band or $ws/@percent"><br/></xsl:if>
                <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$g/r:womenShare"/></xsl:call-template>
              </xsl:if>
            </dd>
          </xsl:if>
          <xsl:if test="$g/r:genderTopic">
            <xsl:variable name="gt" select="rp:pick($g/r:genderTopic)"/>
            <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.gender-topic'"/></xsl:call-template></dt>
            <dd>
              <xsl:if test="$gt/@extent">
                <strong><xsl:value-of select="rp:label(concat('extent.', $gt/@extent))"/></strong>
              </xsl:if>
              <xsl:if test="normalize-space($gt) != ''">
                <xsl:if test="$gt/@extent"><br/></xsl:if>
                <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$g/r:genderTopic"/></xsl:call-template>
              </xsl:if>
            </dd>
          </xsl:if>
          <xsl:if test="$g/r:genderDiscussion">
            <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.gender-discussion'"/></xsl:call-template></dt>
            <dd>
              <xsl:for-each select="rp:pick($g/r:genderDiscussion)">
                <xsl:if test="position() = 1"><xsl:call-template name="notice"/></xsl:if>
                <div class="field">
                  <xsl:call-template name="lang-attrs"/>
                  <xsl:apply-templates select="." mode="field-content"/>
                </div>
              </xsl:for-each>
            </dd>
          </xsl:if>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="resources">
    <xsl:variable name="res" select="$report/r:resources/r:resource"/>
    <xsl:if test="$res">
      <section id="resources" aria-labelledby="h-resources">
        <h2 id="h-resources"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.resources'"/></xsl:call-template></h2>
        <ul class="resources">
          <xsl:for-each select="$res">
            <li>
              <xsl:variable name="text">
                <xsl:choose>
                  <xsl:when test="r:label"><xsl:value-of select="normalize-space(rp:pick(r:label))"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="rp:label(concat('resource.', @kind))"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:choose>
                <xsl:when test="@href">
                  <a href="{@href}">
                    <xsl:if test="@xml:lang"><xsl:attribute name="hreflang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
                    <xsl:if test="r:label">
                      <xsl:call-template name="lang-attrs"><xsl:with-param name="node" select="rp:pick(r:label)"/></xsl:call-template>
                    </xsl:if>
                    <xsl:value-of select="$text"/>
                  </a>
                </xsl:when>
                <xsl:otherwise>
                  <span>
                    <xsl:if test="r:label">
                      <xsl:call-template name="lang-attrs"><xsl:with-param name="node" select="rp:pick(r:label)"/></xsl:call-template>
                    </xsl:if>
                    <xsl:value-of select="$text"/>
                  </span>
                  <xsl:value-of select="concat(' ', rp:label('label.resource-no-link'))"/>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="r:label">
                <xsl:text> </xsl:text>
                <xsl:call-template name="paren"><xsl:with-param name="text" select="rp:label(concat('resource.', @kind))"/></xsl:call-template>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
