/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The PARS XML wire format (REST with XML bodies, the mode PARS is reported to run in,
 * docs/pars-reference.md 2.1), on Jackson's XML module with a hardened StAX parser: DTDs are refused and
 * external entities are never resolved. Immutable and thread safe; create once and share.
 */
public final class ParsXmlCodec extends JacksonCodec {

    /** The media type PARS is reported to expect (docs/pars-reference.md 2.1). */
    public static final String MEDIA_TYPE = "application/xml; charset=utf-8";

    private final XMLInputFactory rootReader;
    /** {@code  xmlns="..."} to add to the root start tag, or null. */
    private final byte[] namespaceDeclaration;

    private ParsXmlCodec(WireOptions options) {
        super(newMapper(), options, "XML");
        this.rootReader = hardenedInput();
        this.namespaceDeclaration = options.xmlNamespace()
                .map(uri -> (" xmlns=\"" + uri + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElse(null);
    }

    /**
     * Declares the default namespace on the root element (docs/pars-reference.md 2.10: namespaces on or
     * off is unresolved). A default namespace covers every unprefixed descendant, so one
     * attribute on the root puts the whole document in it.
     */
    @Override
    byte[] finish(byte[] doc) {
        if (namespaceDeclaration == null) {
            return doc;
        }
        int i = 0;
        while (i < doc.length) { // the root is the first element: skip the declaration and comments
            if (doc[i] == '<' && i + 1 < doc.length && doc[i + 1] != '?' && doc[i + 1] != '!') {
                break;
            }
            i++;
        }
        int end = i + 1;
        while (end < doc.length && doc[end] != '>' && doc[end] != '/' && doc[end] > ' ') {
            end++;
        }
        if (end >= doc.length) {
            return doc;
        }
        byte[] out = new byte[doc.length + namespaceDeclaration.length];
        System.arraycopy(doc, 0, out, 0, end);
        System.arraycopy(namespaceDeclaration, 0, out, end, namespaceDeclaration.length);
        System.arraycopy(doc, end, out, end + namespaceDeclaration.length, doc.length - end);
        return out;
    }

    /** A codec with {@link WireOptions#defaults()}. */
    public static ParsXmlCodec create() {
        return new ParsXmlCodec(WireOptions.defaults());
    }

    /** A codec with the given wire options. */
    public static ParsXmlCodec create(WireOptions options) {
        return new ParsXmlCodec(options);
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    void checkRoot(byte[] body, Class<?> type, String what) throws java.io.IOException {
        JsonRootName root = type.getAnnotation(JsonRootName.class);
        if (root == null) {
            return;
        }
        try {
            XMLStreamReader r = rootReader.createXMLStreamReader(new java.io.ByteArrayInputStream(body));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        if (!r.getLocalName().equalsIgnoreCase(root.value())) {
                            throw new ParsCodecException(
                                    "Could not read " + what + " body: expected root element <" + root.value() + ">",
                                    org.parsjava.core.codec.internal.Excerpts.of(body),
                                    null);
                        }
                        return;
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new ParsCodecException(
                    "Could not read " + what + " body: malformed XML"
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line " + e.getLocation().getLineNumber() + ", column "
                                            + e.getLocation().getColumnNumber()),
                    org.parsjava.core.codec.internal.Excerpts.of(body),
                    null);
        }
    }

    /** Woodstox with DTD support and external entities switched off. */
    private static XMLInputFactory hardenedInput() {
        XMLInputFactory input = new WstxInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return input;
    }

    private static XmlMapper newMapper() {
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(hardenedInput())
                .xmlOutputFactory(new WstxOutputFactory())
                .build();
        return XmlMapper.builder(factory)
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
