<?xml version="1.0" encoding="UTF-8"?>
<!-- hostile helper (not a case): the stylesheet xml-stylesheet-pi.xml points at. Applied, it
     would read secret.txt beside the record and write it to files inside and outside the work
     directory. The program must never apply a stylesheet a record names. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/">
    <xsl:variable name="secret" select="document('secret.txt')"/>
    <exsl:document href="@WORK@/pwned-xslt.txt" method="text">
      <xsl:text>PWNED </xsl:text><xsl:value-of select="unparsed-text('secret.txt')"/>
    </exsl:document>
    <exsl:document href="/tmp/rp-hostile-pwned-xslt.txt" method="text">PWNED</exsl:document>
    <html><body><script>alert('xslt')</script><xsl:copy-of select="$secret"/></body></html>
  </xsl:template>
</xsl:stylesheet>
