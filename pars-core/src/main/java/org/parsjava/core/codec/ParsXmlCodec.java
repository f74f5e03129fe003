package org.parsjava.core.codec;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import javax.xml.stream.XMLInputFactory;

/**
 * The PARS XML wire format (REST with XML bodies, the mode PARS is reported to run in,
 * REFERENCE.md 2.1), on Jackson's XML module with a hardened StAX parser: DTDs are refused and
 * external entities are never resolved. Immutable and thread safe; create once and share.
 */
public final class ParsXmlCodec extends JacksonCodec implements ParsCodec {

    /** The media type PARS is reported to expect (REFERENCE.md 2.1). */
    public static final String MEDIA_TYPE = "application/xml; charset=utf-8";

    private ParsXmlCodec(WireOptions options) {
        super(newMapper(), options, "XML");
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

    private static XmlMapper newMapper() {
        XMLInputFactory input = new WstxInputFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(input)
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
