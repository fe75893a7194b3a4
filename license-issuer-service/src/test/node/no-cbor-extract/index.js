module.exports = null; // cbor-x: "if (extractor) setExtractor(...)": none, so its JavaScript decoder is used
