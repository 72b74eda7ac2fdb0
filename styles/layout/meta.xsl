<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout/meta.xsl: the title block (title, meeting, session type and number,
  date, place), the session's details as a field list, the policy
  questions, and the record's provenance.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:l="urn:rapporteur:layout:1"
                exclude-result-prefixes="r rp">

  <xsl:template name="title-block">
    <xsl:variable name="session" select="$report/r:session"/>
    <l:p style="kicker" keep-with-next="true">
      <xsl:call-template name="block-attrs"><xsl:with-param name="node" select="$report/r:meeting"/></xsl:call-template>
      <xsl:call-template name="short-field">
        <xsl:with-param name="copies" select="$report/r:meeting/r:name"/>
      </xsl:call-template>
    </l:p>
    <xsl:for-each select="rp:pick($session/r:title)">
      <l:heading level="1" style="title" id="title">
        <xsl:call-template name="block-attrs"/>
        <xsl:apply-templates mode="inline"/>
      </l:heading>
      <xsl:call-template name="notice"/>
    </xsl:for-each>
    <l:p style="subtitle" keep-with-next="true">
      <xsl:call-template name="session-kind-text"/>
      <xsl:variable name="date"><xsl:call-template name="session-date-text"/></xsl:variable>
      <xsl:if test="string($date) != ''">
        <xsl:value-of select="concat(' · ', $date)"/>
      </xsl:if>
      <xsl:if test="$report/r:meeting/r:place/*">
        <xsl:text> · </xsl:text>
        <xsl:call-template name="place"/>
      </xsl:if>
    </l:p>
    <l:rule style="title-rule"/>
  </xsl:template>

  <xsl:template name="status-banner">
    <xsl:if test="$report/@status = 'draft' or $report/@status = 'withdrawn'">
      <l:table style="layout" layout="true" widths="1">
        <l:row style="status"><l:cell style="status">
          <xsl:value-of select="rp:label(concat('status.', $report/@status, '-notice'))"/>
        </l:cell></l:row>
      </l:table>
    </xsl:if>
  </xsl:template>

  <!-- One row of a field list, only if it has a value. -->
  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <l:row>
        <l:cell style="field-label"><xsl:value-of select="rp:label($key)"/></l:cell>
        <l:cell style="field-value"><xsl:value-of select="$value"/></l:cell>
      </l:row>
    </xsl:if>
  </xsl:template>

  <!-- A row whose value is the record's own text (room, track...). -->
  <xsl:template name="field-run">
    <xsl:param name="key"/>
    <xsl:param name="node"/>
    <xsl:if test="normalize-space($node) != ''">
      <l:row>
        <l:cell style="field-label"><xsl:value-of select="rp:label($key)"/></l:cell>
        <l:cell style="field-value"><xsl:call-template name="record-run"><xsl:with-param name="node" select="$node"/></xsl:call-template></l:cell>
      </l:row>
    </xsl:if>
  </xsl:template>

  <xsl:template name="field-copies">
    <xsl:param name="key"/>
    <xsl:param name="copies"/>
    <xsl:if test="$copies">
      <l:row>
        <l:cell style="field-label"><xsl:value-of select="rp:label($key)"/></l:cell>
        <l:cell style="field-value">
          <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$copies"/></xsl:call-template>
        </l:cell>
      </l:row>
    </xsl:if>
  </xsl:template>

  <xsl:template name="details">
    <xsl:variable name="meeting" select="$report/r:meeting"/>
    <xsl:variable name="session" select="$report/r:session"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="id" select="'details'"/>
      <xsl:with-param name="text" select="rp:label('label.session')"/>
    </xsl:call-template>
    <l:table style="fields" widths="{$fields.widths}">
      <l:row>
        <l:cell style="field-label"><xsl:value-of select="rp:label('label.meeting')"/></l:cell>
        <l:cell style="field-value">
          <xsl:call-template name="short-field"><xsl:with-param name="copies" select="$meeting/r:name"/></xsl:call-template>
          <xsl:if test="$meeting/@kind and $meeting/@kind != 'global'">
            <xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', rp:label(concat('meeting.', $meeting/@kind))))"/>
          </xsl:if>
          <xsl:variable name="dates"><xsl:call-template name="meeting-dates-text"/></xsl:variable>
          <xsl:if test="string($dates) != ''">
            <xsl:value-of select="concat(rp:label('list.separator'), $dates)"/>
          </xsl:if>
        </l:cell>
      </l:row>
      <xsl:if test="$meeting/r:place/*">
        <l:row>
          <l:cell style="field-label"><xsl:value-of select="rp:label('label.place')"/></l:cell>
          <l:cell style="field-value"><xsl:call-template name="place"/></l:cell>
        </l:row>
      </xsl:if>
      <xsl:call-template name="field-copies">
        <xsl:with-param name="key" select="'label.overarching-theme'"/>
        <xsl:with-param name="copies" select="$meeting/r:overarchingTheme"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'label.session-type'"/>
        <xsl:with-param name="value" select="rp:label(concat('session-type.', $session/@type))"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'label.session-number'"/>
        <xsl:with-param name="value" select="$session/@number"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'label.symbol'"/>
        <xsl:with-param name="value" select="$report/@symbol"/>
      </xsl:call-template>
      <xsl:call-template name="field-run">
        <xsl:with-param name="key" select="'label.track'"/>
        <xsl:with-param name="node" select="$session/@track"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="key" select="'label.date'"/>
        <xsl:with-param name="value"><xsl:call-template name="session-date-text"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-run">
        <xsl:with-param name="key" select="'label.room'"/>
        <xsl:with-param name="node" select="$session/r:room"/>
      </xsl:call-template>
      <xsl:if test="$session/r:format">
        <xsl:variable name="f" select="rp:pick($session/r:format)"/>
        <xsl:call-template name="field">
          <xsl:with-param name="key" select="'label.format'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$f/@code and not($f/@code = 'other' and normalize-space($f) != '')"><xsl:value-of select="rp:label(concat('format.', $f/@code))"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space($f)"/></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$f/@durationMin">
              <xsl:value-of select="concat(rp:label('list.separator'), rp:format('label.duration-minutes', 'minutes', $f/@durationMin))"/>
            </xsl:if>
            <xsl:if test="$f/@layout">
              <xsl:value-of select="concat(rp:label('list.separator'), rp:format('text.labelled', 'label', rp:label('label.room-layout'), 'value', rp:label(concat('layout.', $f/@layout))))"/>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field-copies">
        <xsl:with-param name="key" select="'label.format-description'"/>
        <xsl:with-param name="copies" select="$session/r:formatDescription"/>
      </xsl:call-template>
      <xsl:call-template name="field-copies">
        <xsl:with-param name="key" select="'label.themes'"/>
        <xsl:with-param name="copies" select="$session/r:theme"/>
      </xsl:call-template>
      <xsl:call-template name="field-copies">
        <xsl:with-param name="key" select="'label.subthemes'"/>
        <xsl:with-param name="copies" select="$session/r:subtheme"/>
      </xsl:call-template>
      <xsl:call-template name="field-copies">
        <xsl:with-param name="key" select="'label.topics'"/>
        <xsl:with-param name="copies" select="$session/r:topic"/>
      </xsl:call-template>
      <xsl:if test="$session/r:tag">
        <l:row>
          <l:cell style="field-label"><xsl:value-of select="rp:label('label.tags')"/></l:cell>
          <l:cell style="field-value">
            <xsl:for-each select="$session/r:tag">
              <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
              <xsl:call-template name="record-run"/>
            </xsl:for-each>
          </l:cell>
        </l:row>
      </xsl:if>
      <xsl:if test="$session/r:sdg">
        <xsl:call-template name="field">
          <xsl:with-param name="key" select="'label.sdgs'"/>
          <xsl:with-param name="value">
            <xsl:for-each select="$session/r:sdg">
              <xsl:if test="position() &gt; 1"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
              <xsl:value-of select="rp:format('label.sdg', 'goal', normalize-space(@goal))"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$session/r:priorIGFExperience/@value">
        <xsl:call-template name="field">
          <xsl:with-param name="key" select="'label.prior-igf'"/>
          <xsl:with-param name="value" select="rp:label(concat('label.', $session/r:priorIGFExperience/@value))"/>
        </xsl:call-template>
      </xsl:if>
    </l:table>
  </xsl:template>

  <xsl:template name="policy-questions">
    <xsl:variable name="questions" select="$report/r:session/r:policyQuestion"/>
    <xsl:if test="$questions">
      <xsl:call-template name="heading">
        <xsl:with-param name="id" select="'policy-questions'"/>
        <xsl:with-param name="text" select="rp:label('label.policy-questions')"/>
      </xsl:call-template>
      <xsl:variable name="picked" select="rp:pick($questions)"/>
      <xsl:call-template name="notice"><xsl:with-param name="copy" select="$picked[1]"/></xsl:call-template>
      <l:list style="list">
        <xsl:call-template name="block-attrs"><xsl:with-param name="node" select="$picked[1]"/></xsl:call-template>
        <xsl:for-each select="$picked">
          <l:item marker="{concat(position(), '.')}">
            <xsl:call-template name="field-blocks"/>
          </l:item>
        </xsl:for-each>
      </l:list>
    </xsl:if>
  </xsl:template>

  <xsl:template name="provenance">
    <xsl:variable name="meta" select="$report/r:meta"/>
    <l:p style="small-head"><xsl:value-of select="rp:label('label.about-record')"/></l:p>
    <xsl:if test="$report/@symbol">
      <l:p style="small"><xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.symbol'), 'value', $report/@symbol)"/></l:p>
    </xsl:if>
    <xsl:for-each select="$meta/r:source">
      <l:p style="small">
        <xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.sources'), 'value', '')"/>
        <xsl:choose>
          <xsl:when test="@href">
            <l:span style="link" href="{@href}" isolate="true">
              <xsl:value-of select="normalize-space(.)"/>
              <xsl:if test="normalize-space(.) = ''"><xsl:value-of select="@href"/></xsl:if>
            </l:span>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@retrieved"><xsl:value-of select="concat(' ', rp:format('text.parenthesized', 'text', rp:date(@retrieved)))"/></xsl:if>
      </l:p>
    </xsl:for-each>
    <xsl:if test="$meta/r:transcription/@date or $meta/r:transcription/@by">
      <l:p style="small">
        <xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.transcription'), 'value', '')"/>
        <xsl:if test="$meta/r:transcription/@date"><xsl:value-of select="rp:date($meta/r:transcription/@date)"/></xsl:if>
        <xsl:if test="$meta/r:transcription/@by">
          <xsl:if test="$meta/r:transcription/@date"><xsl:value-of select="rp:label('list.separator')"/></xsl:if>
          <xsl:call-template name="record-run"><xsl:with-param name="node" select="$meta/r:transcription/@by"/></xsl:call-template>
        </xsl:if>
      </l:p>
    </xsl:if>
    <xsl:if test="$meta/r:submitted/@date">
      <l:p style="small"><xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.submitted'), 'value', rp:date($meta/r:submitted/@date))"/></l:p>
    </xsl:if>
    <xsl:if test="$meta/r:published/@date">
      <l:p style="small"><xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.published'), 'value', rp:date($meta/r:published/@date))"/></l:p>
    </xsl:if>
    <xsl:for-each select="rp:pick($meta/r:note)">
      <l:p style="small">
        <xsl:call-template name="block-attrs"/>
        <xsl:value-of select="rp:format('text.labelled', 'label', rp:label('label.notes'), 'value', '')"/>
        <xsl:apply-templates mode="inline"/>
        <xsl:call-template name="notice-inline"/>
      </l:p>
    </xsl:for-each>
    <l:p style="small"><xsl:value-of select="rp:format('ui.generated-by', 'version', rp:version())"/></l:p>
  </xsl:template>
</xsl:stylesheet>
