using System.Text;
using Registry.Domain.Text;

namespace Registry.Domain.Tests.Text;

public class InputTextTests
{
    [Theory]
    [InlineData("杭州测试家电有限公司")]
    [InlineData("格兰仕（中国）有限公司")]
    [InlineData("ＳＣ２０２３－００１")]
    [InlineData("Hangzhou Appliances Co., Ltd.")]
    [InlineData("SC\u200B2023")]
    [InlineData("𠀀 in plane 2")]
    [InlineData("")]
    public void Text_people_type_passes(string text) =>
        InputText.Check(text, "name").ShouldBeNull();

    [Theory]
    [InlineData("AB\0CD", "NUL character (U+0000) at position 3")]
    [InlineData("AB\u0007", "control character U+0007 at position 3")]
    [InlineData("AB\u0085", "control character U+0085")]
    [InlineData("ab\u202Ecd", "bidirectional control U+202E")]
    [InlineData("ab\uFFFE", "noncharacter U+FFFE")]
    [InlineData("ab\uFDD0", "noncharacter U+FDD0")]
    [InlineData("\uF900", "U+F900 at position 1, which Unicode normalisation (NFC) stores as U+8C48")]
    [InlineData("\u212A", "stores as U+004B")]
    [InlineData("e\u0301", "not in Unicode normal form C")]
    [InlineData("a\tb", "tab at position 2, and this field holds one line")]
    [InlineData("a\nb", "line feed at position 2")]
    public void Text_that_breaks_the_rule_is_refused_naming_the_field_and_the_place(string text, string message)
    {
        var refusal = InputText.Check(text, "organisation_name_zh").ShouldNotBeNull();

        refusal.Code.ShouldBe("INVALID_TEXT");
        refusal.Field.ShouldBe("organisation_name_zh");
        refusal.Message.ShouldStartWith("organisation_name_zh ");
        refusal.Message.ShouldContain(message);
    }

    // Built here, not written in InlineData: test data is serialized, and an unpaired surrogate does not survive it.
    [Theory]
    [InlineData(0xD800, 0, 1)]
    [InlineData(0xDC00, 1, 2)]
    [InlineData(0xDBFF, 1, 2)]
    public void An_unpaired_surrogate_is_refused_with_its_position(int surrogate, int at, int position)
    {
        var text = "XY".Insert(at, ((char)surrogate).ToString());

        var refusal = InputText.Check(text, "organisation_name_zh").ShouldNotBeNull();

        refusal.Message.ShouldContain($"unpaired surrogate (U+{surrogate:X4}) at position {position}");
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("a\r\nb\tc")]
    public void Fields_of_several_lines_take_tabs_and_line_breaks(string text) =>
        InputText.Check(text, "reason", TextShape.MultiLine).ShouldBeNull();

    [Fact]
    public void A_multi_line_field_still_refuses_nul_and_the_other_controls()
    {
        InputText.Check("a\0b", "reason", TextShape.MultiLine).ShouldNotBeNull();
        InputText.Check("a\u001Bb", "reason", TextShape.MultiLine).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xFF }, 1)]
    [InlineData(new byte[] { 0xC0, 0xAF }, 0)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]
    [InlineData(new byte[] { 0x41, 0x42, 0xE6, 0xB5 }, 2)]
    [InlineData(new byte[] { 0x80 }, 0)]
    public void Bytes_that_are_not_utf8_are_refused_with_their_offset(byte[] bytes, int offset)
    {
        var refusal = InputText.CheckUtf8(bytes, "The body").ShouldNotBeNull();

        refusal.Message.ShouldContain($"at offset {offset}");
    }

    [Fact]
    public void Utf8_passes_the_byte_check() =>
        InputText.CheckUtf8(Encoding.UTF8.GetBytes("杭州 𠀀 abc"), "The body").ShouldBeNull();

    [Fact]
    public void Printable_keeps_what_was_sent_and_replaces_what_cannot_be_stored()
    {
        InputText.Printable("AB\0C\ud800D").ShouldBe("AB\uFFFDC\uFFFDD");
        InputText.Printable("杭州\n测试").ShouldBe("杭州\n测试");
        InputText.Check(InputText.Printable("x\u202E\uFFFF\u0001y"), "x", TextShape.MultiLine).ShouldBeNull();
    }
}
