<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/param.xsl: every tunable of the HTML layer, one line of purpose each.
  Override any of them in a customization layer.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <!-- The stylesheet's URL, relative to the page (set by the program). -->
  <xsl:param name="css-href" select="'report.css'"/>
  <!-- A link back to the archive's index, or empty for none (set by archive). -->
  <xsl:param name="index-href" select="''"/>
  <!-- Draw the participant chart beside the table (1) or not (0). -->
  <xsl:param name="chart" select="1"/>
  <!-- Width of the chart's drawing area, in CSS pixels (it scales down on phones). -->
  <xsl:param name="chart.width" select="520"/>
  <!-- Height of one bar and the gap after it, in CSS pixels. -->
  <xsl:param name="chart.bar" select="18"/>
  <xsl:param name="chart.gap" select="8"/>
  <!-- Width kept for the category labels left of the bars. -->
  <xsl:param name="chart.label-width" select="190"/>
  <!-- Show the "About this record" provenance block (1) or not (0). -->
  <xsl:param name="show-provenance" select="1"/>
</xsl:stylesheet>
