<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/counts.xsl: the participant counts as a table and, beside it, a bar
  chart drawn in vectors (generator/chart.c), from the same figures as the
  HTML page (common/counts.xsl).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp exsl str">

  <xsl:template name="participants">
    <xsl:variable name="att" select="$report/r:attendance"/>
    <xsl:if test="$att/r:count">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'participants'"/>
        <xsl:with-param name="text" select="rp:label('label.participants')"/>
      </xsl:call-template>
      <xsl:variable name="roles"><xsl:call-template name="count-roles"/></xsl:variable>
      <xsl:for-each select="str:tokenize($roles, ' ')">
        <xsl:variable name="role" select="string(.)"/>
        <xsl:variable name="rtf">
          <xsl:call-template name="counts-of-role"><xsl:with-param name="role" select="$role"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="counts" select="exsl:node-set($rtf)/r:count"/>
        <xsl:variable name="caption"><xsl:call-template name="count-role-label"><xsl:with-param name="role" select="$role"/></xsl:call-template></xsl:variable>
        <l:p style="caption" tag="Caption"><xsl:value-of select="$caption"/></l:p>
        <xsl:choose>
          <xsl:when test="$chart = 1">
            <l:table style="layout" layout="true" widths="1 1.35" line="{rp:line($att)}">
              <l:row>
                <l:cell style="layout-cell"><xsl:call-template name="counts-table"><xsl:with-param name="counts" select="$counts"/></xsl:call-template></l:cell>
                <l:cell style="layout-cell">
                  <l:chart style="chart">
                    <xsl:attribute name="alt">
                      <xsl:call-template name="counts-alt-text"><xsl:with-param name="counts" select="$counts"/></xsl:call-template>
                    </xsl:attribute>
                    <xsl:for-each select="$counts">
                      <xsl:variable name="label"><xsl:call-template name="count-label"/></xsl:variable>
                      <xsl:variable name="text"><xsl:call-template name="count-value-text"/></xsl:variable>
                      <l:bar label="{$label}" value="{number(normalize-space(.))}" text="{$text}">
                        <xsl:if test="@of = 'total'"><xsl:attribute name="emphasis">true</xsl:attribute></xsl:if>
                      </l:bar>
                    </xsl:for-each>
                  </l:chart>
                </l:cell>
              </l:row>
            </l:table>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="counts-table"><xsl:with-param name="counts" select="$counts"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="$att/@basis">
        <l:p style="notice"><xsl:value-of select="rp:format('label.count-basis', 'basis', rp:label(concat('basis.', $att/@basis)))"/></l:p>
      </xsl:if>
      <xsl:if test="$att/r:count[@of = 'ldc'] and $att/@ldcInDeveloping = 'yes'">
        <l:p style="notice"><xsl:value-of select="rp:label('label.ldc-in-developing')"/></l:p>
      </xsl:if>
      <xsl:if test="$att/r:count[@of = 'ldc'] and $att/@ldcInDeveloping = 'no'">
        <l:p style="notice"><xsl:value-of select="rp:label('label.ldc-separate')"/></l:p>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="counts-table">
    <xsl:param name="counts"/>
    <l:table style="table" widths="2.4 1">
      <l:row header="true" style="table-head">
        <l:cell style="table-cell"><xsl:value-of select="rp:label('label.category')"/></l:cell>
        <l:cell style="table-num"><xsl:value-of select="rp:label('label.number')"/></l:cell>
      </l:row>
      <xsl:for-each select="$counts">
        <l:row>
          <xsl:if test="@of = 'total'"><xsl:attribute name="style">table-head</xsl:attribute></xsl:if>
          <l:cell style="table-cell"><xsl:call-template name="count-label"/></l:cell>
          <l:cell style="table-num"><xsl:call-template name="count-value-text"/></l:cell>
        </l:row>
      </xsl:for-each>
    </l:table>
  </xsl:template>
</xsl:stylesheet>
