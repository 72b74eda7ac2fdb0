<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/meta.xsl: the page's header (meeting, title, session type, number and
  date), the session's details as a description list, the policy questions,
  and the footer with the record's provenance.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                exclude-result-prefixes="r rp">

  <xsl:template name="masthead">
    <xsl:variable name="session" select="$report/r:session"/>
    <header class="masthead">
      <xsl:call-template name="language-switcher"/>
      <xsl:if test="$index-href != ''">
        <p class="back"><a href="{$index-href}"><xsl:value-of select="rp:label('ui.back-to-index')"/></a></p>
      </xsl:if>
      <p class="meeting">
        <xsl:call-template name="short-field">
          <xsl:with-param name="copies" select="$report/r:meeting/r:name"/>
        </xsl:call-template>
        <xsl:if test="$report/r:meeting/r:place/*">
          <xsl:text> · </xsl:text>
          <span class="place"><xsl:call-template name="place"/></span>
        </xsl:if>
      </p>
      <xsl:for-each select="rp:pick($session/r:title)">
        <h1>
          <xsl:call-template name="lang-attrs"/>
          <xsl:apply-templates select="." mode="inline-content"/>
        </h1>
        <xsl:call-template name="notice"/>
      </xsl:for-each>
      <p class="session">
        <span class="session-kind"><xsl:call-template name="session-kind-text"/></span>
        <xsl:if test="$session/r:date/@when or $session/r:date/@start">
          <xsl:text> · </xsl:text>
          <time>
            <xsl:if test="$session/r:date/@when">
              <xsl:attribute name="datetime"><xsl:value-of select="$session/r:date/@when"/></xsl:attribute>
            </xsl:if>
            <xsl:call-template name="session-date-text"/>
          </time>
        </xsl:if>
      </p>
    </header>
  </xsl:template>

  <xsl:template name="status-banner">
    <xsl:if test="$report/@status = 'draft' or $report/@status = 'withdrawn'">
      <p class="status {$report/@status}" role="note">
        <xsl:value-of select="rp:label(concat('status.', $report/@status, '-notice'))"/>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The place, city and country each in its own language. -->
  <xsl:template name="place">
    <xsl:variable name="place" select="$report/r:meeting/r:place"/>
    <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$place/r:city"/></xsl:call-template>
    <xsl:if test="$place/r:city and $place/r:country"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
    <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$place/r:country"/></xsl:call-template>
  </xsl:template>

  <!-- An entry whose value is the record's own text (room, track...). -->
  <xsl:template name="detail-text">
    <xsl:param name="key"/>
    <xsl:param name="node"/>
    <xsl:param name="text" select="normalize-space($node)"/>
    <xsl:if test="string($text) != ''">
      <dt><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></dt>
      <dd>
        <xsl:call-template name="record-text">
          <xsl:with-param name="node" select="$node"/>
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- One entry of the details list, only if it has a value. -->
  <xsl:template name="detail">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <dt><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></dt>
      <dd><xsl:value-of select="$value"/></dd>
    </xsl:if>
  </xsl:template>

  <!-- An entry whose value is a translatable field (with its language). -->
  <xsl:template name="detail-field">
    <xsl:param name="key"/>
    <xsl:param name="copies"/>
    <xsl:if test="$copies">
      <dt><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></dt>
      <dd>
        <xsl:call-template name="short-field">
          <xsl:with-param name="copies" select="$copies"/>
        </xsl:call-template>
      </dd>
    </xsl:if>
  </xsl:template>

  <xsl:template name="details">
    <xsl:variable name="meeting" select="$report/r:meeting"/>
    <xsl:variable name="session" select="$report/r:session"/>
    <section id="details" aria-labelledby="h-details">
      <h2 id="h-details"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.session'"/></xsl:call-template></h2>
      <dl class="details">
        <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.meeting'"/></xsl:call-template></dt>
        <dd>
          <xsl:call-template name="short-field">
            <xsl:with-param name="copies" select="$meeting/r:name"/>
          </xsl:call-template>
          <xsl:if test="$meeting/@kind and $meeting/@kind != 'global'">
            <xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', rp:label(concat('meeting.', $meeting/@kind))))"/>
          </xsl:if>
          <xsl:variable name="dates"><xsl:call-template name="meeting-dates-text"/></xsl:variable>
          <xsl:if test="string($dates) != ''">
            <br/><xsl:value-of select="$dates"/>
          </xsl:if>
        </dd>
        <xsl:if test="$meeting/r:place/*">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.place'"/></xsl:call-template></dt>
          <dd><xsl:call-template name="place"/></dd>
        </xsl:if>
        <xsl:call-template name="detail-field">
          <xsl:with-param name="key" select="'label.overarching-theme'"/>
          <xsl:with-param name="copies" select="$meeting/r:overarchingTheme"/>
        </xsl:call-template>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.session-type'"/>
          <xsl:with-param name="value" select="rp:label(concat('session-type.', $session/@type))"/>
        </xsl:call-template>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.session-number'"/>
          <xsl:with-param name="value" select="$session/@number"/>
        </xsl:call-template>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.symbol'"/>
          <xsl:with-param name="value" select="$report/@symbol"/>
        </xsl:call-template>
        <xsl:call-template name="detail-text">
          <xsl:with-param name="key" select="'label.track'"/>
          <xsl:with-param name="node" select="$session/@track"/>
        </xsl:call-template>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.date'"/>
          <xsl:with-param name="value"><xsl:call-template name="session-date-text"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="detail-text">
          <xsl:with-param name="key" select="'label.room'"/>
          <xsl:with-param name="node" select="$session/r:room"/>
        </xsl:call-template>
        <xsl:call-template name="format-detail"/>
        <xsl:if test="$session/r:formatDescription">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.format-description'"/></xsl:call-template></dt>
          <dd>
            <xsl:call-template name="short-field">
              <xsl:with-param name="copies" select="$session/r:formatDescription"/>
              <xsl:with-param name="blocks" select="true()"/>
            </xsl:call-template>
          </dd>
        </xsl:if>
        <xsl:call-template name="detail-field">
          <xsl:with-param name="key" select="'label.themes'"/>
          <xsl:with-param name="copies" select="$session/r:theme"/>
        </xsl:call-template>
        <xsl:call-template name="detail-field">
          <xsl:with-param name="key" select="'label.subthemes'"/>
          <xsl:with-param name="copies" select="$session/r:subtheme"/>
        </xsl:call-template>
        <xsl:call-template name="detail-field">
          <xsl:with-param name="key" select="'label.topics'"/>
          <xsl:with-param name="copies" select="$session/r:topic"/>
        </xsl:call-template>
        <xsl:if test="$session/r:tag">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.tags'"/></xsl:call-template></dt>
          <dd>
            <xsl:for-each select="$session/r:tag">
              <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
              <xsl:call-template name="record-text"/>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="$session/r:sdg">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.sdgs'"/></xsl:call-template></dt>
          <dd>
            <xsl:for-each select="$session/r:sdg">
              <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
              <xsl:value-of select="rp:format('label.sdg', 'goal', normalize-space(@goal))"/>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="$session/r:priorIGFExperience/@value">
          <xsl:call-template name="detail">
            <xsl:with-param name="key" select="'label.prior-igf'"/>
            <xsl:with-param name="value" select="rp:label(concat('label.', $session/r:priorIGFExperience/@value))"/>
          </xsl:call-template>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="format-detail">
    <xsl:variable name="format" select="$report/r:session/r:format"/>
    <xsl:if test="$format">
      <xsl:variable name="picked" select="rp:pick($format)"/>
      <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.format'"/></xsl:call-template></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$picked/@code and not($picked/@code = 'other' and normalize-space($picked) != '')">
            <xsl:value-of select="rp:label(concat('format.', $picked/@code))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="short-field">
              <xsl:with-param name="copies" select="$format"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$picked/@durationMin">
          <xsl:value-of select="concat(rp:label('list.separator'), rp:format('label.duration-minutes', 'minutes', $picked/@durationMin))"/>
        </xsl:if>
        <xsl:if test="$picked/@layout">
          <xsl:value-of select="concat(rp:label('list.separator'), rp:format('text.labelled', 'label', rp:label('label.room-layout'), 'value', rp:label(concat('layout.', $picked/@layout))))"/>
        </xsl:if>
      </dd>
    </xsl:if>
  </xsl:template>

  <xsl:template name="policy-questions">
    <xsl:variable name="questions" select="$report/r:session/r:policyQuestion"/>
    <xsl:if test="$questions">
      <section id="policy-questions" aria-labelledby="h-policy-questions">
        <h2 id="h-policy-questions"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.policy-questions'"/></xsl:call-template></h2>
        <xsl:variable name="picked" select="rp:pick($questions)"/>
        <xsl:call-template name="notice"><xsl:with-param name="copy" select="$picked[1]"/></xsl:call-template>
        <ol class="questions">
          <xsl:call-template name="lang-attrs"><xsl:with-param name="node" select="$picked[1]"/></xsl:call-template>
          <xsl:for-each select="$picked">
            <li><xsl:apply-templates select="." mode="field-content"/></li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="page-footer">
    <footer class="page-footer">
      <xsl:if test="$show-provenance = 1">
        <xsl:call-template name="provenance"/>
      </xsl:if>
      <p class="generator">
        <xsl:value-of select="rp:format('ui.generated-by', 'version', rp:version())"/>
      </p>
      <xsl:call-template name="user.footer"/>
    </footer>
  </xsl:template>

  <xsl:template name="provenance">
    <xsl:variable name="meta" select="$report/r:meta"/>
    <section class="provenance" aria-labelledby="h-provenance">
      <h2 id="h-provenance"><xsl:call-template name="label"><xsl:with-param name="key" select="'label.about-record'"/></xsl:call-template></h2>
      <dl>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.symbol'"/>
          <xsl:with-param name="value" select="$report/@symbol"/>
        </xsl:call-template>
        <xsl:if test="$meta/r:source">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.sources'"/></xsl:call-template></dt>
          <xsl:for-each select="$meta/r:source">
            <dd>
              <xsl:choose>
                <xsl:when test="@href">
                  <a href="{@href}"><xsl:value-of select="normalize-space(.)"/><xsl:if test="normalize-space(.) = ''"><xsl:value-of select="@href"/></xsl:if></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
              </xsl:choose>
              <xsl:if test="@retrieved">
                <xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', rp:date(@retrieved)))"/>
              </xsl:if>
            </dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$meta/r:transcription/@date or $meta/r:transcription/@by">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.transcription'"/></xsl:call-template></dt>
          <dd>
            <xsl:if test="$meta/r:transcription/@date"><xsl:value-of select="rp:date($meta/r:transcription/@date)"/></xsl:if>
            <xsl:if test="$meta/r:transcription/@by">
              <xsl:if test="$meta/r:transcription/@date"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
              <xsl:call-template name="record-text"><xsl:with-param name="node" select="$meta/r:transcription/@by"/></xsl:call-template>
            </xsl:if>
          </dd>
        </xsl:if>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.submitted'"/>
          <xsl:with-param name="value"><xsl:if test="$meta/r:submitted/@date"><xsl:value-of select="rp:date($meta/r:submitted/@date)"/></xsl:if></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="detail">
          <xsl:with-param name="key" select="'label.published'"/>
          <xsl:with-param name="value"><xsl:if test="$meta/r:published/@date"><xsl:value-of select="rp:date($meta/r:published/@date)"/></xsl:if></xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$meta/r:note">
          <dt><xsl:call-template name="label"><xsl:with-param name="key" select="'label.notes'"/></xsl:call-template></dt>
          <xsl:for-each select="rp:pick($meta/r:note)">
            <dd>
              <xsl:call-template name="lang-attrs"/>
              <xsl:apply-templates select="." mode="field-content"/>
              <xsl:call-template name="notice-inline"/>
            </dd>
          </xsl:for-each>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>
</xsl:stylesheet>
