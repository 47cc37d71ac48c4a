import Foundation
import GazetteExtraction
import Testing

@Suite("Text decoding")
struct TextDecoderTests {
    @Test func decodesUTF8AndNormalisesLineEndings() throws {
        let (text, encoding) = try TextDecoder.decode(Array("Café society\r\nis back.\rReally.".utf8))
        #expect(encoding == "utf-8")
        #expect(text == "Café society\nis back.\nReally.")
    }

    @Test func stripsUTF8ByteOrderMark() throws {
        let (text, encoding) = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Headline".utf8))
        #expect(encoding == "utf-8")
        #expect(text == "Headline")
    }

    @Test func composesToNFC() throws {
        let decomposed = "Cafe\u{301} in Zu\u{308}rich"
        let (text, _) = try TextDecoder.decode(Array(decomposed.utf8))
        #expect(text.unicodeScalars.count == "Café in Zürich".unicodeScalars.count)
        #expect(text == "Café in Zürich")
    }

    @Test(arguments: [true, false])
    func decodesUTF16WithByteOrderMark(bigEndian: Bool) throws {
        let sentence = "Prices rose 5% in Zürich — “a shock”, said one trader."
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in sentence.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == sentence)
        #expect(encoding == (bigEndian ? "utf-16be" : "utf-16le"))
    }

    @Test func decodesLatin1() throws {
        // "Señor Muñoz paid £5" in ISO-8859-1: not valid UTF-8.
        let bytes: [UInt8] =
            Array("Se".utf8) + [0xF1] + Array("or Mu".utf8) + [0xF1] + Array("oz paid ".utf8) + [0xA3] + Array("5".utf8)
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == "Señor Muñoz paid £5")
        #expect(encoding == "iso-8859-1")
    }

    @Test func decodesWindows1252Punctuation() throws {
        let bytes: [UInt8] =
            [0x93] + Array("Enough".utf8) + [0x94] + Array(", she said ".utf8) + [0x96] + Array(" twice.".utf8)
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == "\u{201C}Enough\u{201D}, she said \u{2013} twice.")
        #expect(encoding == "windows-1252")
    }

    @Test func refusesNULBytes() {
        #expect(throws: ExtractionError.binaryContent) {
            try TextDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A])
        }
    }

    @Test func refusesControlCharacterNoise() {
        let bytes: [UInt8] = (0..<200).map { $0 % 3 == 0 ? 0x01 : 0x41 }
        #expect(throws: ExtractionError.binaryContent) { try TextDecoder.decode(bytes) }
    }

    @Test func refusesEmptyFile() {
        #expect(throws: ExtractionError.emptyFile) { try TextDecoder.decode([]) }
    }

    @Test func refusesBrokenUTF16() {
        // A lone high surrogate.
        #expect(throws: ExtractionError.undecodable(encoding: "UTF-16LE")) {
            try TextDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8])
        }
    }

    @Test func errorsNameTheirStageAndReadWell() {
        #expect(ExtractionError.binaryContent.stage == "decode")
        #expect(ExtractionError.onlyBoilerplate.stage == "clean-up")
        #expect(ExtractionError.noText.description == "The file holds no text, only whitespace.")
    }
}
