<?xml version="1.0" encoding="UTF-8"?>
<!--
  common/people.xsl: the cast (design rule 3). People and organizations are
  declared once in <cast> and referred to by ID from <roles>; these
  templates give their names, affiliations and stakeholder groups in the
  report's language, for every layer.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:rapporteur:report:1"
                xmlns:rp="urn:rapporteur:ext"
                xmlns:str="http://exslt.org/strings"
                exclude-result-prefixes="r rp str">

  <xsl:key name="cast" match="r:cast/r:org | r:cast/r:person" use="@xml:id"/>
  <xsl:key name="roles-of-type" match="r:roles/r:role" use="@type"/>

  <!-- The order roles are shown in. -->
  <xsl:param name="role-order"
             select="'organizer organizer-entity co-organizer host chair moderator online-moderator keynote speaker discussant rapporteur contact submitter'"/>

  <!-- A cast member's name in the report's language (its picked name). -->
  <xsl:template name="cast-name">
    <xsl:param name="who" select="."/>
    <xsl:value-of select="normalize-space(rp:pick($who/r:name)[1])"/>
  </xsl:template>

  <!-- The stakeholder group of a person: their own, else their first
       affiliated organization's. Empty if none. -->
  <xsl:template name="stakeholder-of">
    <xsl:param name="who" select="."/>
    <xsl:choose>
      <xsl:when test="$who/@stakeholder"><xsl:value-of select="$who/@stakeholder"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="key('cast', $who/r:affiliation/@org)[@stakeholder][1]/@stakeholder"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A person's stakeholder group and UN regional group, localized:
       "Civil society, African Group". Empty if neither is known. -->
  <xsl:template name="groups-text">
    <xsl:param name="who" select="."/>
    <xsl:variable name="stakeholder">
      <xsl:call-template name="stakeholder-of"><xsl:with-param name="who" select="$who"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="region" select="$who/@region"/>
    <xsl:if test="string($stakeholder) != ''">
      <xsl:value-of select="rp:label(concat('stakeholder.', $stakeholder))"/>
    </xsl:if>
    <xsl:if test="string($stakeholder) != '' and $region">
      <xsl:value-of select="rp:label('list.separator')"/>
    </xsl:if>
    <xsl:if test="$region">
      <xsl:value-of select="rp:label(concat('region.', $region))"/>
    </xsl:if>
  </xsl:template>

  <!-- The label of a role: singular or plural, and the 2013 forms' names. -->
  <xsl:template name="role-label">
    <xsl:param name="type"/>
    <xsl:param name="count" select="1"/>
    <xsl:variable name="number">
      <xsl:choose>
        <xsl:when test="$count = 1">one</xsl:when>
        <xsl:otherwise>other</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$old-form-labels and $type = 'online-moderator'">
        <xsl:value-of select="rp:label(concat('role.remote-moderator.', $number))"/>
      </xsl:when>
      <xsl:when test="$old-form-labels and $type = 'rapporteur'">
        <xsl:value-of select="rp:label('role.reported-by')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="rp:label(concat('role.', $type, '.', $number))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cast members of every role of one type, in order, each once. -->
  <xsl:template name="members-of-type">
    <xsl:param name="type"/>
    <xsl:for-each select="key('roles-of-type', $type)">
      <xsl:for-each select="str:tokenize(@who, ' &#9;&#10;&#13;')">
        <xsl:value-of select="concat(., ' ')"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- The rapporteurs' names, "a, b and c", for the PDF's author field. -->
  <xsl:template name="rapporteur-names">
    <xsl:variable name="ids">
      <xsl:call-template name="members-of-type">
        <xsl:with-param name="type" select="'rapporteur'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:for-each select="str:tokenize($ids, ' ')">
      <xsl:variable name="id" select="string(.)"/>
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"><xsl:value-of select="rp:label('list.last-separator')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="rp:label('list.separator')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:for-each select="$report">
        <xsl:call-template name="cast-name">
          <xsl:with-param name="who" select="key('cast', $id)"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
