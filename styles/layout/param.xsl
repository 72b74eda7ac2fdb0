<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/param.xsl: every tunable of the PDF: paper, margins, fonts, sizes,
  spacing, colours. One line of purpose each; override any of them in a
  customization layer (README.md, "Customizing").
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <!-- Paper: "a4" or "letter" (set by the program from \-\-paper). -->
  <xsl:param name="paper" select="'a4'"/>
  <!-- Margins; start is the binding side of the text: left in LTR, right in RTL. -->
  <xsl:param name="margin.top" select="'24mm'"/>
  <xsl:param name="margin.bottom" select="'22mm'"/>
  <xsl:param name="margin.start" select="'24mm'"/>
  <xsl:param name="margin.end" select="'22mm'"/>
  <!-- Distance from the text area to the running head's and foot's baselines. -->
  <xsl:param name="header.gap" select="'9mm'"/>
  <xsl:param name="footer.gap" select="'11mm'"/>

  <!-- Font families (pango lists: the first that has a character sets it).
       Only the fonts of fonts/ exist for the typesetter. -->
  <xsl:param name="fonts.fallback"
             select="'Noto Sans Hebrew, Noto Sans Devanagari, Noto Sans Bengali, Noto Sans Thai, Noto Sans Ethiopic, Noto Sans Georgian, Noto Sans Armenian, Noto Sans Symbols'"/>
  <xsl:param name="font.serif" select="concat('Noto Serif, Noto Naskh Arabic, Noto Sans CJK SC, ', $fonts.fallback)"/>
  <xsl:param name="font.sans" select="concat('Noto Sans, Noto Sans Arabic, Noto Sans CJK SC, ', $fonts.fallback)"/>
  <!-- Arabic reports: Naskh for text, the Arabic sans for headings. -->
  <xsl:param name="font.serif.ar" select="concat('Noto Naskh Arabic, Noto Serif, Noto Sans CJK SC, ', $fonts.fallback)"/>
  <xsl:param name="font.sans.ar" select="concat('Noto Sans Arabic, Noto Sans, Noto Sans CJK SC, ', $fonts.fallback)"/>
  <!-- Chinese reports: Noto Sans CJK SC throughout (Simplified forms). -->
  <xsl:param name="font.serif.zh" select="concat('Noto Sans CJK SC, Noto Sans, Noto Naskh Arabic, ', $fonts.fallback)"/>
  <xsl:param name="font.sans.zh" select="concat('Noto Sans CJK SC, Noto Sans, Noto Sans Arabic, ', $fonts.fallback)"/>

  <!-- Body text size in points, and baseline-to-baseline as a factor of it. -->
  <xsl:param name="body.size" select="10"/>
  <xsl:param name="body.leading" select="1.42"/>
  <!-- Arabic and Chinese set larger and looser to read as well. -->
  <xsl:param name="body.size.ar" select="11"/>
  <xsl:param name="body.leading.ar" select="1.65"/>
  <xsl:param name="body.size.zh" select="9.6"/>
  <xsl:param name="body.leading.zh" select="1.7"/>
  <!-- Space between paragraphs, in points. -->
  <xsl:param name="para.space" select="5"/>
  <!-- Heading sizes: the title, section headings, subsection headings. -->
  <xsl:param name="title.size" select="20"/>
  <xsl:param name="h2.size" select="13"/>
  <xsl:param name="h3.size" select="11"/>
  <!-- Small text: notices, running heads, table cells. -->
  <xsl:param name="small.size" select="8.5"/>
  <xsl:param name="table.size" select="9"/>
  <!-- List indentation (the hanging indent that holds markers), in points. -->
  <xsl:param name="list.indent" select="18"/>
  <!-- Width of the label column of field lists, relative to the value column. -->
  <xsl:param name="fields.widths" select="'1 2.6'"/>

  <!-- Colours. -->
  <xsl:param name="color.text" select="'#1b1f24'"/>
  <xsl:param name="color.muted" select="'#4a5560'"/>
  <xsl:param name="color.accent" select="'#00558c'"/>
  <xsl:param name="color.rule" select="'#c9d1d9'"/>
  <xsl:param name="color.bar" select="'#2f7fb8'"/>
  <xsl:param name="color.head-fill" select="'#e6f0f7'"/>
  <xsl:param name="color.gap" select="'#8c1c13'"/>

  <!-- Print a link's address after its text when they differ (1) or not (0). -->
  <xsl:param name="link.show-address" select="1"/>
  <!-- Show the "About this record" provenance block (1) or not (0). -->
  <xsl:param name="show-provenance" select="1"/>
  <!-- Draw the participant chart beside the table (1) or not (0). -->
  <xsl:param name="chart" select="1"/>
</xsl:stylesheet>
