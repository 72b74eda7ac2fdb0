<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/counts.xsl: the participant counts as a real table (caption, th with
  scope) and as an inline SVG bar chart with a text alternative, from the
  same figures (common/counts.xsl).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:math="http://exslt.org/math"
                exclude-result-prefixes="r rp exsl str math">

  <xsl:template name="participants">
    <xsl:variable name="att" select="$report/r:attendance"/>
    <xsl:if test="$att/r:count">
      <section id="participants" aria-labelledby="h-participants">
        <h2 id="h-participants"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.participants'"/></xsl:call-template></h2>
        <xsl:variable name="roles"><xsl:call-template name="count-roles"/></xsl:variable>
        <xsl:for-each select="str:tokenize($roles, ' ')">
          <xsl:variable name="role" select="string(.)"/>
          <xsl:variable name="rtf">
            <xsl:call-template name="counts-of-role"><xsl:with-param name="role" select="$role"/></xsl:call-template>
          </xsl:variable>
          <xsl:call-template name="counts-block">
            <xsl:with-param name="role" select="$role"/>
            <xsl:with-param name="counts" select="exsl:node-set($rtf)/r:count"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="$att/@basis">
          <p class="basis"><xsl:value-of select="rp:format('label.count-basis', 'basis', rp:label(concat('basis.', $att/@basis)))"/></p>
        </xsl:if>
        <xsl:if test="$att/r:count[@of = 'ldc'] and $att/@ldcInDeveloping = 'yes'">
          <p class="basis"><xsl:value-of select="rp:label('label.ldc-in-developing')"/></p>
        </xsl:if>
        <xsl:if test="$att/r:count[@of = 'ldc'] and $att/@ldcInDeveloping = 'no'">
          <p class="basis"><xsl:value-of select="rp:label('label.ldc-separate')"/></p>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="counts-block">
    <xsl:param name="role"/>
    <xsl:param name="counts"/>
    <xsl:variable name="caption"><xsl:call-template name="count-role-label"><xsl:with-param name="role" select="$role"/></xsl:call-template></xsl:variable>
    <div class="counts">
      <table class="counts">
        <caption><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="rp:label('label.category')"/></th>
            <th scope="col"><xsl:value-of select="rp:label('label.number')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$counts">
            <tr>
              <xsl:if test="@of = 'total'"><xsl:attribute name="class">total</xsl:attribute></xsl:if>
              <th scope="row"><xsl:call-template name="count-label"/></th>
              <td><xsl:call-template name="count-value-text"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:if test="$chart = 1">
        <xsl:call-template name="chart">
          <xsl:with-param name="id" select="concat('chart-', $role)"/>
          <xsl:with-param name="caption" select="$caption"/>
          <xsl:with-param name="counts" select="$counts"/>
        </xsl:call-template>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- Horizontal bars, longest = the largest count; mirrored in RTL. -->
  <xsl:template name="chart">
    <xsl:param name="id"/>
    <xsl:param name="caption"/>
    <xsl:param name="counts"/>
    <xsl:variable name="max" select="math:max($counts)"/>
    <xsl:variable name="value-width" select="110"/>
    <xsl:variable name="bar-area" select="$chart.width - $chart.label-width - $value-width"/>
    <xsl:variable name="height" select="count($counts) * ($chart.bar + $chart.gap)"/>
    <xsl:variable name="rtl" select="$dir = 'rtl'"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {$chart.width} {$height}"
           width="{$chart.width}" height="{$height}" aria-labelledby="{$id}-title {$id}-desc">
        <title id="{$id}-title"><xsl:value-of select="concat(rp:label('label.participants-chart'), ': ', $caption)"/></title>
        <desc id="{$id}-desc">
          <xsl:call-template name="counts-alt-text"><xsl:with-param name="counts" select="$counts"/></xsl:call-template>
        </desc>
        <xsl:for-each select="$counts">
          <xsl:variable name="y" select="(position() - 1) * ($chart.bar + $chart.gap)"/>
          <xsl:variable name="n" select="number(normalize-space(.))"/>
          <xsl:variable name="w">
            <xsl:choose>
              <xsl:when test="$max &gt; 0"><xsl:value-of select="format-number($n div $max * $bar-area, '0.##')"/></xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="label"><xsl:call-template name="count-label"/></xsl:variable>
          <xsl:variable name="value"><xsl:call-template name="count-value-text"/></xsl:variable>
          <xsl:variable name="text-y" select="$y + $chart.bar * 0.72"/>
          <g class="bar {@of}">
            <xsl:choose>
              <xsl:when test="$rtl">
                <text x="{$chart.width}" y="{$text-y}" text-anchor="start" direction="rtl"><xsl:value-of select="$label"/></text>
                <rect x="{$chart.width - $chart.label-width - $w}" y="{$y}" width="{$w}" height="{$chart.bar}"/>
                <text x="{$chart.width - $chart.label-width - $w - 6}" y="{$text-y}" text-anchor="start" direction="rtl" class="value"><xsl:value-of select="$value"/></text>
              </xsl:when>
              <xsl:otherwise>
                <text x="{$chart.label-width - 8}" y="{$text-y}" text-anchor="end"><xsl:value-of select="$label"/></text>
                <rect x="{$chart.label-width}" y="{$y}" width="{$w}" height="{$chart.bar}"/>
                <text x="{$chart.label-width + $w + 6}" y="{$text-y}" class="value"><xsl:value-of select="$value"/></text>
              </xsl:otherwise>
            </xsl:choose>
          </g>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>
</xsl:stylesheet>
