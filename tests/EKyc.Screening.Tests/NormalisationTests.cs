using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Tests;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData("Dr AL ZAWAHIRI", "al zawahiri")]
    [InlineData("AL ZAWAHIRI, Dr. Ayman", "al zawahiri ayman")]
    [InlineData("ANGLO-CARIBBEAN CO., LTD.", "anglo caribbean")]
    [InlineData("A.I.C. SOGO KENKYUSHO", "aic sogo kenkyusho")]
    [InlineData("CIMEX, S.A.", "cimex")]
    [InlineData("THE AEROCARIBBEAN AIRLINES COMPANY", "aerocaribbean airlines")]
    [InlineData("UNIVERSAL SHIPPING LIIMTED", "universal shipping")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Müller-Lüdenscheidt", "muller ludenscheidt")]
    [InlineData("Łukasz Żółć", "lukasz zolc")]
    [InlineData("Straße Ærø", "strasse aero")]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("ＡＢＣ Ｔｒａｄｅ", "abc trade")]
    [InlineData("Владимир Путин", "vladimir putin")]
    [InlineData("Дмитрий Хорошев", "dmitriy khoroshev")]
    [InlineData("Щербаков Юрий", "shcherbakov yuriy")]
    [InlineData("Αλέξανδρος Νικόλαος", "alexandros nikolaos")]
    [InlineData("محمد علي", "mhmd li")]
    [InlineData("THE COMPANY LTD", "the company ltd")]
    [InlineData("   ", "")]
    public void Normalize_folds_scripts_punctuation_and_stop_words(string input, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(input));

    [Fact]
    public void Key_ignores_word_order_and_case() =>
        Assert.Equal(NameNormalizer.Key("MADURO MOROS, Nicolas"), NameNormalizer.Key("nicolas moros maduro"));

    [Fact]
    public void Particles_and_generic_words_weigh_less_than_name_words()
    {
        var tokens = NameNormalizer.Tokenize("AL ZAWAHIRI TRADING");
        Assert.Equal([TokenRole.Particle, TokenRole.Name, TokenRole.Generic], tokens.Select(t => t.Role));
        Assert.True(tokens[0].Weight < tokens[2].Weight && tokens[2].Weight < tokens[1].Weight);
    }

    [Fact]
    public void Arabic_tokens_are_marked_for_skeleton_comparison() =>
        Assert.All(NameNormalizer.Tokenize("أحمد حسن"), t => Assert.True(t.FromConsonantalScript));

    [Theory]
    [InlineData("mohamed", "muhammad")]
    [InlineData("nicolas", "nikolas")]
    [InlineData("aerocaribbean", "aerocarribean")]
    [InlineData("yuryevich", "yurievich")]
    public void Sound_alike_spellings_share_a_phonetic_key(string a, string b) =>
        Assert.Equal(PhoneticKey.Of(a), PhoneticKey.Of(b));

    [Theory]
    [InlineData("george", "bush")]
    [InlineData("caribbean", "pacific")]
    public void Different_words_have_different_phonetic_keys(string a, string b) =>
        Assert.NotEqual(PhoneticKey.Of(a), PhoneticKey.Of(b));

    [Theory]
    [InlineData("mhmd", "mohamed", "mhmd")]
    [InlineData("hsn", "hassan", "hsn")]
    [InlineData("khald", "khaled", "khld")]
    public void Skeleton_drops_vowels_and_doubles(string romanised, string latin, string skeleton)
    {
        Assert.Equal(skeleton, PhoneticKey.Skeleton(romanised));
        Assert.Equal(skeleton, PhoneticKey.Skeleton(latin));
    }
}
