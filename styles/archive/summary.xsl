<?xml version="1.0" encoding="UTF-8"?>
<!--
  archive/summary.xsl: a record reduced to what the archive's indexes,
  statistics and corpus checks need (a trimmed copy of the record, the
  facets it is filed under, the people in it). generator/corpus.c keeps one
  such summary per record in memory instead of the record, and caches them
  in SITE/.rapporteur/corpus.xml between builds.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:c="urn:rapporteur:corpus:1"
                xmlns:str="http://exslt.org/strings"
                xmlns:set="http://exslt.org/sets"
                exclude-result-prefixes="rp str set">

  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../common/people.xsl"/>
  <!-- Roles whose members count as the session's speakers in statistics. -->
  <xsl:param name="speaking-roles" select="' speaker keynote discussant moderator online-moderator chair '"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <c:summary>
      <xsl:apply-templates select="r:report"/>
    </c:summary>
  </xsl:template>

  <xsl:template match="r:report">
    <r:report>
      <xsl:copy-of select="@*"/>
      <r:meeting>
        <xsl:copy-of select="r:meeting/@*"/>
        <xsl:copy-of select="r:meeting/r:name | r:meeting/r:place | r:meeting/r:dates"/>
      </r:meeting>
      <r:session>
        <xsl:copy-of select="r:session/@*"/>
        <xsl:copy-of select="r:session/r:title | r:session/r:date | r:session/r:theme | r:session/r:tag"/>
      </r:session>
      <r:content/>
      <xsl:copy-of select="r:attendance"/>
      <xsl:copy-of select="r:gender/r:womenShare"/>
    </r:report>
    <c:where report="{rp:line(.)}" session="{rp:line(r:session)}"/>
    <xsl:call-template name="facets"/>
    <xsl:call-template name="people-summary"/>
  </xsl:template>

  <xsl:template name="facets">
    <c:facet kind="year" key="{r:meeting/@year}"/>
    <c:facet kind="type" key="{r:session/@type}"/>
    <!-- A theme is filed under its code, else its English text (original or translated),
         else its original text: a Spanish record's "Acceso y diversidad" translated as
         "Access and Diversity" joins the English records' "Access and Diversity". -->
    <xsl:for-each select="r:session/r:theme[not(@origin) or @origin = 'original']">
      <c:facet kind="theme">
        <xsl:variable name="pos" select="count(preceding-sibling::r:theme[not(@origin) or @origin = 'original']) + 1"/>
        <xsl:variable name="english"
                      select="(self::*[starts-with(ancestor-or-self::*[@xml:lang][1]/@xml:lang, 'en')]
                               | ../r:theme[@origin and @origin != 'original']
                                   [starts-with(ancestor-or-self::*[@xml:lang][1]/@xml:lang, 'en')]
                                   [count(preceding-sibling::r:theme[@origin and @origin != 'original']
                                      [starts-with(ancestor-or-self::*[@xml:lang][1]/@xml:lang, 'en')]) + 1 = $pos])[1]"/>
        <xsl:attribute name="key">
          <xsl:choose>
            <xsl:when test="@code"><xsl:value-of select="rp:slug(@code)"/></xsl:when>
            <xsl:when test="$english"><xsl:value-of select="rp:slug(normalize-space($english))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="rp:slug(normalize-space(.))"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <!-- The theme in every language it has, paired by position. -->
        <xsl:copy-of select="."/>
        <xsl:for-each select="../r:theme[@origin and @origin != 'original']">
          <xsl:variable name="l" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
          <xsl:if test="count(preceding-sibling::r:theme[ancestor-or-self::*[@xml:lang][1]/@xml:lang = $l]) + 1 = $pos">
            <xsl:copy-of select="."/>
          </xsl:if>
        </xsl:for-each>
      </c:facet>
    </xsl:for-each>
    <xsl:variable name="groups">
      <xsl:for-each select="r:roles/r:role[contains($speaking-roles, concat(' ', @type, ' '))]">
        <xsl:for-each select="str:tokenize(@who, ' &#9;&#10;&#13;')">
          <xsl:variable name="id" select="string(.)"/>
          <xsl:for-each select="$report">
            <xsl:variable name="sh"><xsl:call-template name="stakeholder-of"><xsl:with-param name="who" select="key('cast', $id)"/></xsl:call-template></xsl:variable>
            <xsl:if test="string($sh) != ''"><xsl:value-of select="concat($sh, ' ')"/></xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="set:distinct(str:tokenize($groups, ' '))">
      <c:facet kind="stakeholder" key="{.}"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Speakers (each once) with stakeholder group and region, for the
       statistics; every cast member's names, for the corpus checks. -->
  <xsl:template name="people-summary">
    <xsl:variable name="ids">
      <xsl:for-each select="r:roles/r:role[contains($speaking-roles, concat(' ', @type, ' '))]">
        <xsl:value-of select="concat(' ', normalize-space(@who), ' ')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="r:cast/r:person | r:cast/r:org">
      <xsl:variable name="speaks" select="contains($ids, concat(' ', @xml:id, ' '))"/>
      <c:person id="{@xml:id}" kind="{local-name()}" line="{rp:line(.)}">
        <xsl:if test="$speaks"><xsl:attribute name="speaks">true</xsl:attribute></xsl:if>
        <xsl:variable name="sh"><xsl:call-template name="stakeholder-of"/></xsl:variable>
        <xsl:if test="string($sh) != ''"><xsl:attribute name="stakeholder"><xsl:value-of select="$sh"/></xsl:attribute></xsl:if>
        <xsl:copy-of select="@region | @gender | @country | @abbr"/>
        <xsl:for-each select="r:name">
          <c:name><xsl:value-of select="normalize-space(.)"/></c:name>
        </xsl:for-each>
      </c:person>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
