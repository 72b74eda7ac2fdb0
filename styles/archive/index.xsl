<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive/index.xsl: the archive's pages, from the corpus document that
  generator/corpus.c assembles (one c:entry per published record, holding
  the record's summary from summary.xsl). $page chooses the page: "home"
  (language choice), "index" (every report, by year), "year", "type",
  "theme", "stakeholder" (the reports filed under $key) or "stats".
  Browsing needs no JavaScript: every facet value has a page of its own.
  $page = "pages" makes every page of one kind ($key) in one language at
  once (see the root template).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:c="urn:rapporteur:corpus:1"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp c str">

  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="stats.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- Which page, and for facet pages which value. -->
  <xsl:param name="page" select="'index'"/>
  <xsl:param name="key" select="''"/>
  <!-- The path from this page to the site's root ('' or '../'). -->
  <xsl:param name="root" select="''"/>
  <!-- Every language of the site, space-separated (the switcher). -->
  <xsl:param name="site-languages" select="$lang"/>

  <xsl:variable name="entries" select="/c:corpus/c:entry"/>
  <xsl:key name="facet" match="c:facet" use="concat(@kind, ' ', @key)"/>

  <xsl:template match="/">
    <xsl:choose>
      <!-- The pages of one language and kind ($key: index, year, type,
           theme or stakeholder) in one transformation, each in a <page
           path="...">: the corpus is indexed (keys) once, not once per
           page. generator/corpus.c writes each page to its path. -->
      <xsl:when test="$page = 'pages'">
        <pages>
          <xsl:if test="$key = 'index'">
            <page path="index.{$lang}.html">
              <xsl:call-template name="html-page"><xsl:with-param name="p" select="'index'"/></xsl:call-template>
            </page>
          </xsl:if>
          <xsl:for-each select="$entries/c:facet[@kind = $key][string(@key) != '' and not(contains(@key, '/')) and not(starts-with(@key, '.'))]
                                                [generate-id() = generate-id(key('facet', concat(@kind, ' ', @key))[1])]">
            <xsl:variable name="dir-name"><xsl:call-template name="facet-dir"><xsl:with-param name="kind" select="string(@kind)"/></xsl:call-template></xsl:variable>
            <page path="{$dir-name}/{@key}.{$lang}.html">
              <xsl:call-template name="html-page">
                <xsl:with-param name="p" select="string(@kind)"/>
                <xsl:with-param name="k" select="string(@key)"/>
                <xsl:with-param name="r" select="'../'"/>
              </xsl:call-template>
            </page>
          </xsl:for-each>
        </pages>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="html-page">
          <xsl:with-param name="p" select="$page"/>
          <xsl:with-param name="k" select="$key"/>
          <xsl:with-param name="r" select="$root"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One page: p is the page's kind (as $page), k the facet value, r the
       path to the site's root. -->
  <xsl:template name="html-page">
    <xsl:param name="p"/>
    <xsl:param name="k" select="''"/>
    <xsl:param name="r" select="''"/>
    <html lang="{$lang}" dir="{$dir}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:call-template name="page-title"><xsl:with-param name="p" select="$p"/><xsl:with-param name="k" select="$k"/></xsl:call-template> – <xsl:value-of select="rp:label('archive.title')"/></title>
        <meta name="generator" content="{concat('Rapporteur ', rp:version())}"/>
        <link rel="stylesheet" href="{$r}site.css"/>
        <xsl:if test="$p != 'home'">
          <xsl:for-each select="str:tokenize($site-languages, ' ')">
            <link rel="alternate" hreflang="{.}">
              <xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="l" select="string(.)"/><xsl:with-param name="p" select="$p"/><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
            </link>
          </xsl:for-each>
        </xsl:if>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:value-of select="rp:label('ui.skip-to-content')"/></a>
        <header class="masthead">
          <xsl:if test="$p != 'home'"><xsl:call-template name="switcher"><xsl:with-param name="p" select="$p"/><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:if>
          <p class="meeting"><a href="{$r}index.{$lang}.html"><xsl:value-of select="rp:label('archive.title')"/></a></p>
          <h1><xsl:call-template name="page-title"><xsl:with-param name="p" select="$p"/><xsl:with-param name="k" select="$k"/></xsl:call-template></h1>
          <xsl:if test="$p != 'home'"><xsl:call-template name="site-nav"><xsl:with-param name="p" select="$p"/><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:if>
        </header>
        <main id="main">
          <xsl:choose>
            <xsl:when test="$p = 'home'"><xsl:call-template name="home"/></xsl:when>
            <xsl:when test="$p = 'index'"><xsl:call-template name="index"/></xsl:when>
            <xsl:when test="$p = 'stats'"><xsl:call-template name="stats"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="report-list">
                <xsl:with-param name="items" select="key('facet', concat($p, ' ', $k))/parent::c:entry"/>
                <xsl:with-param name="root-prefix" select="$r"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="page-footer">
          <p class="generator"><xsl:value-of select="rp:format('ui.generated-by', 'version', rp:version())"/></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Page names and links                                         -->
  <!-- ============================================================ -->

  <xsl:template name="page-title">
    <xsl:param name="p"/>
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$p = 'home'"><xsl:value-of select="rp:label('archive.choose-language')"/></xsl:when>
      <xsl:when test="$p = 'index'"><xsl:value-of select="rp:label('archive.all')"/></xsl:when>
      <xsl:when test="$p = 'stats'"><xsl:value-of select="rp:label('stats.title')"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="facet">
          <xsl:call-template name="facet-label"><xsl:with-param name="kind" select="$p"/><xsl:with-param name="value" select="$k"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="rp:format('archive.reports-of', 'facet', $facet)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The name of a facet value in the page's language. -->
  <xsl:template name="facet-label">
    <xsl:param name="kind"/>
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="$kind = 'year'"><xsl:value-of select="$value"/></xsl:when>
      <xsl:when test="$kind = 'type'"><xsl:value-of select="rp:label(concat('session-type.', $value))"/></xsl:when>
      <xsl:when test="$kind = 'stakeholder'"><xsl:value-of select="rp:label(concat('stakeholder.', $value))"/></xsl:when>
      <xsl:when test="$kind = 'theme'">
        <xsl:value-of select="normalize-space(rp:pick(key('facet', concat('theme ', $value))[1]/r:theme))"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="facet-dir">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'year'">years</xsl:when>
      <xsl:when test="$kind = 'type'">types</xsl:when>
      <xsl:when test="$kind = 'theme'">themes</xsl:when>
      <xsl:otherwise>stakeholders</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The address of page p (value k) in language l, from that page. -->
  <xsl:template name="page-href">
    <xsl:param name="l"/>
    <xsl:param name="p"/>
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$p = 'index' or $p = 'stats'"><xsl:value-of select="concat($p, '.', $l, '.html')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($k, '.', $l, '.html')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="switcher">
    <xsl:param name="p"/>
    <xsl:param name="k"/>
    <xsl:variable name="langs" select="str:tokenize($site-languages, ' ')"/>
    <xsl:if test="count($langs) &gt; 1">
      <nav class="languages">
        <xsl:attribute name="aria-label"><xsl:value-of select="rp:label('ui.other-languages')"/></xsl:attribute>
        <ul>
          <xsl:for-each select="$langs">
            <li>
              <a hreflang="{.}" lang="{.}">
                <xsl:attribute name="href"><xsl:call-template name="page-href"><xsl:with-param name="l" select="string(.)"/><xsl:with-param name="p" select="$p"/><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
                <xsl:if test="rp:dir(.) != $dir"><xsl:attribute name="dir"><xsl:value-of select="rp:dir(.)"/></xsl:attribute></xsl:if>
                <xsl:if test="string(.) = $lang"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:call-template name="autonym"><xsl:with-param name="tag" select="string(.)"/></xsl:call-template>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="site-nav">
    <xsl:param name="p"/>
    <xsl:param name="r"/>
    <nav class="site-nav">
      <xsl:attribute name="aria-label"><xsl:value-of select="rp:label('archive.browse')"/></xsl:attribute>
      <ul>
        <li><a href="{$r}index.{$lang}.html"><xsl:if test="$p = 'index'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if><xsl:value-of select="rp:label('archive.all')"/></a></li>
        <li><a href="{$r}index.{$lang}.html#facets"><xsl:value-of select="rp:label('archive.browse')"/></a></li>
        <li><a href="{$r}stats.{$lang}.html"><xsl:if test="$p = 'stats'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if><xsl:value-of select="rp:label('archive.statistics')"/></a></li>
      </ul>
    </nav>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Pages                                                        -->
  <!-- ============================================================ -->

  <xsl:template name="home">
    <ul class="choose-language">
      <xsl:for-each select="str:tokenize($site-languages, ' ')">
        <li>
          <a href="index.{.}.html" hreflang="{.}" lang="{.}">
            <xsl:if test="rp:dir(.) != $dir"><xsl:attribute name="dir"><xsl:value-of select="rp:dir(.)"/></xsl:attribute></xsl:if>
            <xsl:call-template name="autonym"><xsl:with-param name="tag" select="string(.)"/></xsl:call-template>
          </a>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template name="index">
    <p><xsl:value-of select="rp:format('archive.count', 'n', rp:number(count($entries)))"/></p>
    <section id="facets" aria-labelledby="h-facets">
      <h2 id="h-facets"><xsl:value-of select="rp:label('archive.browse')"/></h2>
      <xsl:call-template name="facet-list"><xsl:with-param name="kind" select="'year'"/><xsl:with-param name="heading" select="'archive.by-year'"/></xsl:call-template>
      <xsl:call-template name="facet-list"><xsl:with-param name="kind" select="'type'"/><xsl:with-param name="heading" select="'archive.by-type'"/></xsl:call-template>
      <xsl:call-template name="facet-list"><xsl:with-param name="kind" select="'theme'"/><xsl:with-param name="heading" select="'archive.by-theme'"/></xsl:call-template>
      <xsl:call-template name="facet-list"><xsl:with-param name="kind" select="'stakeholder'"/><xsl:with-param name="heading" select="'archive.by-stakeholder'"/></xsl:call-template>
    </section>
    <xsl:for-each select="$entries[generate-id() = generate-id(key('facet', concat('year ', c:facet[@kind = 'year']/@key))[1]/..)]">
      <xsl:sort select="c:facet[@kind = 'year']/@key" data-type="number" order="descending"/>
      <xsl:variable name="year" select="string(c:facet[@kind = 'year']/@key)"/>
      <section aria-labelledby="y{$year}">
        <h2 id="y{$year}"><a href="years/{$year}.{$lang}.html"><xsl:value-of select="$year"/></a></h2>
        <xsl:call-template name="report-list">
          <xsl:with-param name="items" select="$entries[c:facet[@kind = 'year']/@key = $year]"/>
          <xsl:with-param name="root-prefix" select="''"/>
        </xsl:call-template>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- The values of one facet, each linking to its page, with counts. -->
  <xsl:template name="facet-list">
    <xsl:param name="kind"/>
    <xsl:param name="heading"/>
    <xsl:variable name="values" select="$entries/c:facet[@kind = $kind][generate-id() = generate-id(key('facet', concat($kind, ' ', @key))[1])]"/>
    <xsl:if test="$values">
      <h3><xsl:value-of select="rp:label($heading)"/></h3>
      <ul class="facets">
        <xsl:variable name="dir-name"><xsl:call-template name="facet-dir"><xsl:with-param name="kind" select="$kind"/></xsl:call-template></xsl:variable>
        <xsl:for-each select="$values">
          <xsl:sort select="@key"/>
          <li>
            <!-- bdi: a theme may be in another script than the page; an
                 Arabic one would otherwise take the count after it into
                 its right-to-left run, "(1) name" in a left-to-right page. -->
            <a href="{$dir-name}/{@key}.{$lang}.html"><bdi>
              <xsl:call-template name="facet-label">
                <xsl:with-param name="kind" select="$kind"/>
                <xsl:with-param name="value" select="string(@key)"/>
              </xsl:call-template>
            </bdi></a>
            <xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', rp:number(count(key('facet', concat($kind, ' ', @key))))))"/>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- A list of reports, newest first. -->
  <xsl:template name="report-list">
    <xsl:param name="items"/>
    <xsl:param name="root-prefix"/>
    <ul class="reports">
      <xsl:for-each select="$items">
        <xsl:sort select="r:report/r:session/r:date/@when" order="descending"/>
        <xsl:sort select="r:report/@id"/>
        <xsl:apply-templates select="." mode="card">
          <xsl:with-param name="prefix" select="$root-prefix"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- One report: title in the page's language (or its fallback), date,
       meeting, session, languages, links to HTML and PDF. -->
  <xsl:template match="c:entry" mode="card">
    <xsl:param name="prefix"/>
    <xsl:variable name="rec" select="r:report"/>
    <xsl:variable name="langs" select="concat(' ', @langs, ' ')"/>
    <xsl:variable name="target">
      <xsl:choose>
        <xsl:when test="contains($langs, concat(' ', $lang, ' '))"><xsl:value-of select="$lang"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="substring-before(concat(normalize-space(@langs), ' '), ' ')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <li class="report">
      <xsl:for-each select="rp:pick($rec/r:session/r:title)">
        <a class="title" href="{$prefix}reports/{$rec/@id}.{$target}.html">
          <xsl:variable name="tl"><xsl:call-template name="lang-of"/></xsl:variable>
          <xsl:if test="string($tl) != $lang">
            <xsl:attribute name="lang"><xsl:value-of select="$tl"/></xsl:attribute>
            <xsl:if test="rp:dir($tl) != $dir"><xsl:attribute name="dir"><xsl:value-of select="rp:dir($tl)"/></xsl:attribute></xsl:if>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </a>
      </xsl:for-each>
      <br/>
      <span class="meta">
        <xsl:for-each select="$rec">
          <xsl:if test="r:session/r:date/@when">
            <time datetime="{r:session/r:date/@when}"><xsl:value-of select="rp:date(r:session/r:date/@when)"/></time>
            <xsl:text> · </xsl:text>
          </xsl:if>
          <bdi><xsl:value-of select="normalize-space(rp:pick(r:meeting/r:name)[1])"/></bdi>
          <xsl:text> · </xsl:text>
          <xsl:value-of select="rp:label(concat('session-type.', r:session/@type))"/>
          <xsl:if test="r:session/@number"><xsl:value-of select="concat(' ', r:session/@number)"/></xsl:if>
        </xsl:for-each>
        <xsl:text> · </xsl:text>
        <xsl:for-each select="str:tokenize(@langs, ' ')">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <a href="{$prefix}reports/{$rec/@id}.{.}.html" hreflang="{.}" lang="{.}" class="lang">
            <xsl:if test="rp:dir(.) != $dir"><xsl:attribute name="dir"><xsl:value-of select="rp:dir(.)"/></xsl:attribute></xsl:if>
            <xsl:call-template name="autonym"><xsl:with-param name="tag" select="string(.)"/></xsl:call-template>
          </a>
        </xsl:for-each>
        <xsl:text> · </xsl:text>
        <a href="{$prefix}reports/{$rec/@id}.{$target}.pdf" type="application/pdf"><xsl:value-of select="rp:label('archive.pdf')"/></a>
      </span>
    </li>
  </xsl:template>
</xsl:stylesheet>
