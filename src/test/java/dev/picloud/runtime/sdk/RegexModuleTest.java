package dev.picloud.runtime.sdk;

import static dev.picloud.runtime.Runs.error;
import static dev.picloud.runtime.Runs.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.RunStatus;
import org.junit.jupiter.api.Test;

class RegexModuleTest {
  @Test
  void isMatchFindsThePatternAnywhere() {
    assertThat(
            value(
                "[regex.isMatch('b+', 'abbc'), regex.isMatch('^b', 'abc'), regex.isMatch('(?i)ABC', 'xabcx')]"))
        .isEqualTo("[true,false,true]");
  }

  @Test
  void findGivesTheFirstMatchOrNull() {
    assertThat(value("[regex.find('[0-9]+', 'a12b345'), regex.find('z', 'abc') === null]"))
        .isEqualTo("[\"12\",true]");
  }

  @Test
  void findAllGivesEveryMatch() {
    assertThat(value("regex.findAll('[0-9]+', 'a1b22c333')")).isEqualTo("[\"1\",\"22\",\"333\"]");
    assertThat(value("regex.findAll('x', 'abc')")).isEqualTo("[]");
  }

  @Test
  void replaceChangesTheFirstMatchAndReplaceAllEveryMatch() {
    assertThat(value("regex.replace('(\\\\w+)@(\\\\w+)', 'a@b c@d', '$2 at $1')"))
        .isEqualTo("\"b at a c@d\"");
    assertThat(value("regex.replaceAll('[aeiou]', 'banana', '_')")).isEqualTo("\"b_n_n_\"");
  }

  @Test
  void splitCutsAtEveryMatch() {
    assertThat(value("regex.split('\\\\s*,\\\\s*', 'a , b,c')")).isEqualTo("[\"a\",\"b\",\"c\"]");
  }

  @Test
  void capturesGivesTheGroupsOfTheFirstMatch() {
    assertThat(value("regex.captures('(\\\\d+)-(\\\\d+)?(x)?', 'id 12-34')"))
        .isEqualTo("[\"12-34\",\"12\",\"34\",null]");
    assertThat(value("regex.captures('(\\\\d+)', 'none')")).isEqualTo("null");
    assertThat(value("regex.captures('(?P<year>\\\\d{4})', 'in 2026')"))
        .isEqualTo("[\"2026\",\"2026\"]");
  }

  @Test
  void matchingTimeIsLinearEvenForPatternsThatBacktrackElsewhere() {
    String input = "a".repeat(100_000);

    assertThat(value("regex.isMatch('(a+)+b', '" + input + "')")).isEqualTo("false");
  }

  @Test
  void invalidPatternThrowsARegexError() {
    assertThat(error("regex.isMatch('(', 'x');")).startsWith("Error: regex: invalid pattern");
    assertThat(error("regex.find('a(?=b)', 'ab');")).startsWith("Error: regex: invalid pattern");
  }

  @Test
  void argumentsMustBeStrings() {
    assertThat(error("regex.isMatch(1, 'x');"))
        .startsWith("Error: regex: pattern must be a string");
    assertThat(error("regex.isMatch('a');")).startsWith("Error: regex: input must be a string");
    assertThat(error("regex.replace('a', 'a');"))
        .startsWith("Error: regex: replacement must be a string");
  }

  @Test
  void limitsAreEnforced() {
    assertThat(error("regex.isMatch('a'.repeat(2001), 'a');")).contains("pattern longer than 2000");
    assertThat(value("regex.isMatch('a'.repeat(2000), 'a')")).isEqualTo("false");
    assertThat(error("regex.isMatch('a', 'a'.repeat(1048577));")).contains("input longer than");
    assertThat(error("regex.findAll('a', 'a'.repeat(10001));")).contains("more than 10000 matches");
    assertThat(value("regex.findAll('a', 'a'.repeat(10000)).length")).isEqualTo("10000");
    assertThat(error("regex.split(',', ','.repeat(10001));")).contains("more than 10000 parts");
    assertThat(error("regex.isMatch('((a{1000}){1000}){1000}', 'a');")).contains("too complex");
    assertThat(error("regex.isMatch('(?:[a-z]{1000}){100}', 'a');")).contains("too complex");
    assertThat(value("regex.isMatch('(ab){2}[{]x{1,3}\\\\{9}', 'abab{xx{9}')")).isEqualTo("true");
    assertThat(error("regex.replaceAll('a', 'a'.repeat(10000), '$0'.repeat(500));"))
        .contains("result would be longer");
  }

  @Test
  void regexErrorsAreCatchableJavaScriptErrors() {
    assertThat(
            value(
                "(function () { try { regex.find('(', ''); } catch (e) { return [e instanceof Error, e.message]; } })()"))
        .startsWith("[true,\"regex: invalid pattern");
  }

  @Test
  void regexCallsCountAsOperations() {
    assertThat(
            Runs.run(
                    "for (;;) { regex.isMatch('a', 'a'); }",
                    Runs.wallClock(java.time.Duration.ofSeconds(1)))
                .status())
        .isIn(RunStatus.TIMEOUT, RunStatus.BUDGET_EXCEEDED);
  }
}
