<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive/stats.xsl: the statistics page of the archive (included by
  index.xsl): a table per series with n and the reports without a figure,
  and an SVG bar chart with its text alternative.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:c="urn:rapporteur:corpus:1"
                exclude-result-prefixes="rp c">

  <xsl:variable name="stats" select="/c:corpus/c:stats"/>

  <!-- A decimal in the page's language: "49,4". -->
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

  <xsl:template name="percent">
    <xsl:param name="value"/>
    <xsl:variable name="d"><xsl:call-template name="decimal"><xsl:with-param name="value" select="$value"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="rp:format('number.percent', 'n', $d)"/>
  </xsl:template>

  <xsl:template name="stats">
    <p class="basis"><xsl:value-of select="rp:label('stats.note')"/></p>
    <p>
      <a href="stats.csv" type="text/csv"><xsl:value-of select="rp:label('stats.csv')"/></a>
      <xsl:text> · </xsl:text>
      <a href="stats.{$lang}.pdf" type="application/pdf"><xsl:value-of select="rp:label('stats.pdf')"/></a>
    </p>
    <xsl:variable name="p" select="$stats/c:series[@kind = 'participants']"/>
    <section aria-labelledby="s-participants">
      <h2 id="s-participants"><xsl:value-of select="rp:label('stats.participants-per-year')"/></h2>
      <table class="counts">
        <caption><xsl:value-of select="rp:label('stats.participants-per-year')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="rp:label('stats.year')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.participants')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.with-figure')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.without-figure')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$p/c:row">
            <tr>
              <th scope="row"><xsl:value-of select="@key"/></th>
              <td><xsl:call-template name="figure"><xsl:with-param name="v" select="@value"/></xsl:call-template></td>
              <td><xsl:value-of select="rp:number(@n)"/></td>
              <td><xsl:value-of select="rp:number(@missing)"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:call-template name="bars">
        <xsl:with-param name="id" select="'chart-participants'"/>
        <xsl:with-param name="title" select="rp:label('stats.participants-per-year')"/>
        <xsl:with-param name="rows" select="$p/c:row[@value]"/>
      </xsl:call-template>
    </section>
    <xsl:call-template name="share-section">
      <xsl:with-param name="series" select="$stats/c:series[@kind = 'women']"/>
      <xsl:with-param name="title" select="rp:label('stats.women-share')"/>
      <xsl:with-param name="id" select="'s-women'"/>
    </xsl:call-template>
    <xsl:call-template name="share-section">
      <xsl:with-param name="series" select="$stats/c:series[@kind = 'developing']"/>
      <xsl:with-param name="title" select="rp:label('stats.developing-share')"/>
      <xsl:with-param name="id" select="'s-developing'"/>
    </xsl:call-template>
    <xsl:variable name="o" select="$stats/c:series[@kind = 'onsite-online']"/>
    <section aria-labelledby="s-onsite">
      <h2 id="s-onsite"><xsl:value-of select="rp:label('stats.onsite-online')"/></h2>
      <table class="counts">
        <caption><xsl:value-of select="rp:label('stats.onsite-online')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="rp:label('stats.year')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('count.onsite')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('count.online')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.with-figure')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.without-figure')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$o/c:row">
            <tr>
              <th scope="row"><xsl:value-of select="@key"/></th>
              <td><xsl:call-template name="figure"><xsl:with-param name="v" select="@onsite"/></xsl:call-template></td>
              <td><xsl:call-template name="figure"><xsl:with-param name="v" select="@online"/></xsl:call-template></td>
              <td><xsl:value-of select="rp:number(@n)"/></td>
              <td><xsl:value-of select="rp:number(@missing)"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
    <xsl:call-template name="group-section">
      <xsl:with-param name="series" select="$stats/c:series[@kind = 'speaker-groups']"/>
      <xsl:with-param name="title" select="rp:label('stats.speaker-groups')"/>
      <xsl:with-param name="prefix" select="'stakeholder.'"/>
      <xsl:with-param name="none" select="rp:label('stats.no-group')"/>
      <xsl:with-param name="id" select="'s-groups'"/>
    </xsl:call-template>
    <xsl:call-template name="group-section">
      <xsl:with-param name="series" select="$stats/c:series[@kind = 'speaker-regions']"/>
      <xsl:with-param name="title" select="rp:label('stats.speaker-regions')"/>
      <xsl:with-param name="prefix" select="'region.'"/>
      <xsl:with-param name="none" select="rp:label('stats.no-region')"/>
      <xsl:with-param name="id" select="'s-regions'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="share-section">
    <xsl:param name="series"/>
    <xsl:param name="title"/>
    <xsl:param name="id"/>
    <section aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="$title"/></h2>
      <table class="counts">
        <caption><xsl:value-of select="$title"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="rp:label('stats.year')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.share')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.with-figure')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.without-figure')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$series/c:row">
            <tr>
              <th scope="row"><xsl:value-of select="@key"/></th>
              <td>
                <xsl:choose>
                  <xsl:when test="@percent"><xsl:call-template name="percent"><xsl:with-param name="value" select="@percent"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>–</xsl:otherwise>
                </xsl:choose>
              </td>
              <td><xsl:value-of select="rp:number(@n)"/></td>
              <td><xsl:value-of select="rp:number(@missing)"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template name="group-section">
    <xsl:param name="series"/>
    <xsl:param name="title"/>
    <xsl:param name="prefix"/>
    <xsl:param name="none"/>
    <xsl:param name="id"/>
    <section aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="$title"/></h2>
      <table class="counts">
        <caption><xsl:value-of select="$title"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="rp:label('label.category')"/></th>
          <th scope="col"><xsl:value-of select="rp:label('stats.speakers')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$series/c:row">
            <tr>
              <th scope="row"><xsl:value-of select="rp:label(concat($prefix, @key))"/></th>
              <td><xsl:call-template name="figure"><xsl:with-param name="v" select="@value"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
          <tr>
            <th scope="row"><xsl:value-of select="$none"/></th>
            <td><xsl:value-of select="rp:number($series/@missing)"/></td>
          </tr>
          <tr class="total">
            <th scope="row"><xsl:value-of select="rp:label('stats.total')"/></th>
            <td><xsl:value-of select="rp:number($series/@n + $series/@missing)"/></td>
          </tr>
        </tbody>
      </table>
      <xsl:call-template name="bars">
        <xsl:with-param name="id" select="concat('chart-', $id)"/>
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="rows" select="$series/c:row"/>
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- Horizontal bars of rows' @value, labelled by @key (or its label). -->
  <xsl:template name="bars">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="rows"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:if test="$rows">
      <xsl:variable name="max">
        <xsl:for-each select="$rows"><xsl:sort select="@value" data-type="number" order="descending"/><xsl:if test="position() = 1"><xsl:value-of select="@value"/></xsl:if></xsl:for-each>
      </xsl:variable>
      <xsl:variable name="width" select="560"/>
      <xsl:variable name="label-w" select="230"/>
      <xsl:variable name="bar-area" select="$width - $label-w - 90"/>
      <xsl:variable name="h" select="count($rows) * 26"/>
      <figure class="chart">
        <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {$width} {$h}" width="{$width}" height="{$h}"
             aria-labelledby="{$id}-title {$id}-desc">
          <title id="{$id}-title"><xsl:value-of select="$title"/></title>
          <desc id="{$id}-desc">
            <xsl:for-each select="$rows">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:choose>
                <xsl:when test="$prefix != ''"><xsl:value-of select="rp:label(concat($prefix, @key))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@key"/></xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="concat(': ', rp:number(@value))"/>
            </xsl:for-each>
          </desc>
          <xsl:for-each select="$rows">
            <xsl:variable name="y" select="(position() - 1) * 26"/>
            <xsl:variable name="w">
              <xsl:choose>
                <xsl:when test="$max &gt; 0"><xsl:value-of select="format-number(@value div $max * $bar-area, '0.##')"/></xsl:when>
                <xsl:otherwise>0</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:variable name="label">
              <xsl:choose>
                <xsl:when test="$prefix != ''"><xsl:value-of select="rp:label(concat($prefix, @key))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@key"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <g class="bar">
              <xsl:choose>
                <xsl:when test="$dir = 'rtl'">
                  <text x="{$width}" y="{$y + 13}" text-anchor="start" direction="rtl"><xsl:value-of select="$label"/></text>
                  <rect x="{$width - $label-w - $w}" y="{$y}" width="{$w}" height="18"/>
                  <text x="{$width - $label-w - $w - 6}" y="{$y + 13}" text-anchor="start" direction="rtl" class="value"><xsl:value-of select="rp:number(@value)"/></text>
                </xsl:when>
                <xsl:otherwise>
                  <text x="{$label-w - 8}" y="{$y + 13}" text-anchor="end"><xsl:value-of select="$label"/></text>
                  <rect x="{$label-w}" y="{$y}" width="{$w}" height="18"/>
                  <text x="{$label-w + $w + 6}" y="{$y + 13}" class="value"><xsl:value-of select="rp:number(@value)"/></text>
                </xsl:otherwise>
              </xsl:choose>
            </g>
          </xsl:for-each>
        </svg>
      </figure>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
