<?xml version="1.0" encoding="UTF-8"?>
<!--
  common/l10n.xsl: labels, languages and the spec's fallback, for every layer.

  Labels come from the catalogs (styles/catalogs/*.po) through extension
  functions registered in C (generator/transform.c, namespace
  urn:rapporteur:ext): rp:label(key), rp:format(key, name, value...),
  rp:date(iso), rp:number(n), rp:pick(copies), rp:lang-name(tag),
  rp:same-lang(a, b), rp:dir(tag). Catalogs are loaded once per process.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                exclude-result-prefixes="r rp">

  <!-- The report's language, set by the program (-l). -->
  <xsl:param name="lang" select="'en'"/>
  <!-- Every language rendered for this record, space-separated (for links
       between the language versions). -->
  <xsl:param name="languages" select="$lang"/>

  <!-- The catalog language that labels this report (a language without a
       catalog is labelled in English). -->
  <xsl:variable name="ui-lang" select="rp:ui-lang($lang)"/>
  <!-- The language of the page itself: the report's language when it has a
       catalog, else the language its labels fall back to (a report in
       German has English labels; its German fields say lang="de"). -->
  <xsl:variable name="page-lang">
    <xsl:choose>
      <xsl:when test="rp:same-lang($ui-lang, $lang)"><xsl:value-of select="$lang"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$ui-lang"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="dir" select="rp:dir($page-lang)"/>
  <xsl:variable name="report" select="/r:report"/>

  <!-- 2011-2014 forms said "Remote moderator" and "Reported by"
       (record-spec.md, Labels). -->
  <xsl:variable name="old-form-labels"
                select="$report/@form = 'igf-2013-workshop-report'
                        or ($report/r:meeting/@year &gt;= 2011 and $report/r:meeting/@year &lt;= 2014)"/>

  <!-- The language of a node: its nearest xml:lang. -->
  <xsl:template name="lang-of">
    <xsl:param name="node" select="."/>
    <xsl:value-of select="$node/ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
  </xsl:template>

  <!-- The notice owed by a copy shown in this report (design rule 2):
       "Original in French" for a copy in another language, and
       "Machine translation" for a machine-made copy. Empty if none. -->
  <xsl:template name="notice-text">
    <xsl:param name="copy"/>
    <xsl:variable name="copy-lang">
      <xsl:call-template name="lang-of">
        <xsl:with-param name="node" select="$copy"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="origin">
      <xsl:choose>
        <xsl:when test="$copy/@origin"><xsl:value-of select="$copy/@origin"/></xsl:when>
        <xsl:otherwise>original</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="other-lang" select="string($copy-lang) != '' and not(rp:same-lang($copy-lang, $lang))"/>
    <xsl:variable name="language" select="rp:lang-name($copy-lang)"/>
    <xsl:choose>
      <xsl:when test="$origin = 'machine' and $other-lang">
        <xsl:value-of select="concat(rp:label('notice.machine'), ' · ', rp:format('notice.text-in', 'language', $language))"/>
      </xsl:when>
      <xsl:when test="$origin = 'machine'">
        <xsl:value-of select="rp:label('notice.machine')"/>
      </xsl:when>
      <xsl:when test="not($other-lang)"/>
      <xsl:when test="$origin = 'original'">
        <xsl:value-of select="rp:format('notice.original-in', 'language', $language)"/>
      </xsl:when>
      <xsl:when test="$origin = 'human'">
        <xsl:value-of select="rp:format('notice.translation-in', 'language', $language)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="rp:format('notice.text-in', 'language', $language)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text without the bidirectional controls that could reorder what
       follows it where it cannot be isolated (a page title, PDF metadata). -->
  <xsl:template name="plain-text">
    <xsl:param name="text"/>
    <xsl:value-of select="normalize-space(translate($text, '&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;&#x200E;&#x200F;&#x061C;', ''))"/>
  </xsl:template>

  <!-- "(text)" with the language's parentheses. -->
  <xsl:template name="paren">
    <xsl:param name="text"/>
    <xsl:value-of select="rp:format('text.parenthesized', 'text', $text)"/>
  </xsl:template>

  <!-- A language named in itself, for language switchers: the catalog's
       language.self, else this table (languages without a catalog). -->
  <xsl:template name="autonym">
    <xsl:param name="tag"/>
    <xsl:variable name="p" select="translate(substring-before(concat($tag, '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="rp:ui-lang($tag) != 'en' or $p = 'en'"><xsl:value-of select="rp:self-name($tag)"/></xsl:when>
      <xsl:when test="$p = 'de'">Deutsch</xsl:when>
      <xsl:when test="$p = 'it'">Italiano</xsl:when>
      <xsl:when test="$p = 'nl'">Nederlands</xsl:when>
      <xsl:when test="$p = 'sv'">Svenska</xsl:when>
      <xsl:when test="$p = 'pl'">Polski</xsl:when>
      <xsl:when test="$p = 'uk'">Українська</xsl:when>
      <xsl:when test="$p = 'tr'">Türkçe</xsl:when>
      <xsl:when test="$p = 'el'">Ελληνικά</xsl:when>
      <xsl:when test="$p = 'he'">עברית</xsl:when>
      <xsl:when test="$p = 'fa'">فارسی</xsl:when>
      <xsl:when test="$p = 'ur'">اردو</xsl:when>
      <xsl:when test="$p = 'hi'">हिन्दी</xsl:when>
      <xsl:when test="$p = 'bn'">বাংলা</xsl:when>
      <xsl:when test="$p = 'ja'">日本語</xsl:when>
      <xsl:when test="$p = 'ko'">한국어</xsl:when>
      <xsl:when test="$p = 'id'">Bahasa Indonesia</xsl:when>
      <xsl:when test="$p = 'ms'">Bahasa Melayu</xsl:when>
      <xsl:when test="$p = 'th'">ไทย</xsl:when>
      <xsl:when test="$p = 'vi'">Tiếng Việt</xsl:when>
      <xsl:when test="$p = 'sw'">Kiswahili</xsl:when>
      <xsl:when test="$p = 'am'">አማርኛ</xsl:when>
      <xsl:when test="$p = 'ha'">Hausa</xsl:when>
      <xsl:otherwise><xsl:value-of select="rp:self-name($tag)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "a, b and c" in the report's language. -->
  <xsl:template name="join">
    <xsl:param name="items"/>
    <xsl:for-each select="$items">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"><xsl:value-of select="rp:label('list.last-separator')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="rp:label('list.separator')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A session's date line: "24 October 2013, 10:00–11:30 (Asia/Makassar)". -->
  <xsl:template name="session-date-text">
    <xsl:param name="date" select="$report/r:session/r:date"/>
    <xsl:if test="$date/@when">
      <xsl:value-of select="rp:date($date/@when)"/>
    </xsl:if>
    <xsl:if test="$date/@start">
      <xsl:if test="$date/@when"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
      <xsl:variable name="times">
        <xsl:choose>
          <xsl:when test="$date/@end">
            <xsl:value-of select="rp:format('time.range', 'start', substring($date/@start, 1, 5), 'end', substring($date/@end, 1, 5))"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="substring($date/@start, 1, 5)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$date/@tz">
          <xsl:value-of select="rp:format('time.zone', 'time', $times, 'zone', $date/@tz)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$times"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- The meeting's dates: "22 – 25 October 2013" is left to the catalog's
       date.range; both ends are full dates. -->
  <xsl:template name="meeting-dates-text">
    <xsl:param name="dates" select="$report/r:meeting/r:dates"/>
    <xsl:choose>
      <xsl:when test="$dates/@from and $dates/@to">
        <xsl:value-of select="rp:date-range($dates/@from, $dates/@to)"/>
      </xsl:when>
      <xsl:when test="$dates/@from"><xsl:value-of select="rp:date($dates/@from)"/></xsl:when>
      <xsl:when test="$dates/@to"><xsl:value-of select="rp:date($dates/@to)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "Workshop 41", or "Workshop" without a number. -->
  <xsl:template name="session-kind-text">
    <xsl:variable name="session" select="$report/r:session"/>
    <xsl:variable name="type" select="rp:label(concat('session-type.', $session/@type))"/>
    <xsl:choose>
      <xsl:when test="$session/@number">
        <xsl:value-of select="rp:format('session-type.numbered', 'type', $type, 'number', $session/@number)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$type"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The place of the meeting: "Bali, Indonesia". -->
  <xsl:template name="place-text">
    <xsl:variable name="place" select="$report/r:meeting/r:place"/>
    <xsl:variable name="city" select="rp:pick($place/r:city)"/>
    <xsl:variable name="country" select="rp:pick($place/r:country)"/>
    <xsl:value-of select="normalize-space($city)"/>
    <xsl:if test="$city and $country"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
    <xsl:value-of select="normalize-space($country)"/>
  </xsl:template>

  <!-- The title shown: the picked copy of the session title. -->
  <xsl:template name="title-text">
    <xsl:call-template name="plain-text"><xsl:with-param name="text" select="rp:pick($report/r:session/r:title)"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="meeting-name-text">
    <xsl:call-template name="plain-text"><xsl:with-param name="text" select="rp:pick($report/r:meeting/r:name)[1]"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
