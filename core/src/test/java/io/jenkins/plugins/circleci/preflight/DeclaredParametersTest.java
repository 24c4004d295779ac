package io.jenkins.plugins.circleci.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeclaredParametersTest {

    private static DeclaredParameters read(String yaml) throws UnreadableConfigException {
        return DeclaredParameters.read(yaml);
    }

    @Test
    void readsEachTypeItsEnumValuesAndWhetherItHasADefault() throws Exception {
        DeclaredParameters d = read("""
                version: 2.1
                parameters:
                  deploy:
                    type: boolean
                    default: false
                  replicas:
                    type: integer
                    default: 3
                  image-tag:
                    type: string
                    default: ""
                  env:
                    type: enum
                    enum: [dev, "prod", 3]
                    default: dev
                  target:
                    type: string
                jobs: {}
                """);
        assertThat(d.byName()).containsOnlyKeys("deploy", "replicas", "image-tag", "env", "target");
        assertThat(d.byName().get("deploy")).isEqualTo(new DeclaredParameter("deploy", "boolean", null, true));
        assertThat(d.byName().get("env").allowed()).containsExactly("dev", "prod", "3");
        assertThat(d.byName().get("image-tag").hasDefault()).isTrue();
        assertThat(d.byName().get("target").hasDefault()).isFalse();
        assertThat(d.byName().get("env").describe()).isEqualTo("env (enum: dev, prod, 3)");
        assertThat(d.byName().get("target").describe()).isEqualTo("target (string, required)");
    }

    @Test
    void aConfigWithoutParametersDeclaresNone() throws Exception {
        assertThat(read("version: 2.1\nworkflows: {}\n").isEmpty()).isTrue();
        assertThat(read("version: 2.1\nparameters:\n").isEmpty()).isTrue();
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() throws Exception {
        DeclaredParameters d = read("""
                version: 2.1
                x-envs: &envs [dev, staging, prod]
                x-flag: &flag
                  type: boolean
                  default: false
                parameters:
                  env:
                    type: enum
                    enum: *envs
                    default: dev
                  deploy: *flag
                  notify:
                    <<: *flag
                    default: true
                  tag:
                    <<: [{type: string}, {type: integer, default: x}]
                """);
        assertThat(d.byName().get("env").allowed()).containsExactly("dev", "staging", "prod");
        assertThat(d.byName().get("deploy")).isEqualTo(new DeclaredParameter("deploy", "boolean", null, true));
        assertThat(d.byName().get("notify").type()).isEqualTo("boolean");
        // The earlier of several merged maps wins for a key both have; a key only the later one has is merged too.
        assertThat(d.byName().get("tag").type()).isEqualTo("string");
        assertThat(d.byName().get("tag").hasDefault()).isTrue();
    }

    @Test
    void anAliasWithoutItsAnchorIsUnreadable() {
        assertThatThrownBy(() -> read("parameters:\n  a: *nowhere\n"))
                .isInstanceOf(UnreadableConfigException.class).hasMessageContaining("*nowhere");
    }

    @Test
    void aBillionLaughsConfigIsRefusedNotExpanded() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThatThrownBy(() -> read(yaml.toString())).isInstanceOf(UnreadableConfigException.class);
    }

    @Test
    void whatIsNotAMapWhereCircleCiExpectsOneIsUnreadable() {
        assertThatThrownBy(() -> read("- a\n- b\n")).isInstanceOf(UnreadableConfigException.class)
                .hasMessage("it is not a map of keys (a list)");
        assertThatThrownBy(() -> read("just text")).isInstanceOf(UnreadableConfigException.class)
                .hasMessage("it is not a map of keys (a text)");
        assertThatThrownBy(() -> read("parameters: [a, b]")).isInstanceOf(UnreadableConfigException.class)
                .hasMessage("its 'parameters' is not a map (a list)");
        assertThatThrownBy(() -> read("parameters:\n  a: string\n")).isInstanceOf(UnreadableConfigException.class)
                .hasMessageContaining("parameter 'a'");
    }

    @Test
    void brokenYamlIsUnreadableAndTheMessageQuotesNoText() {
        assertThatThrownBy(() -> read("parameters:\n  a: [secret-ish\n  b: }\n"))
                .isInstanceOf(UnreadableConfigException.class)
                .hasMessageStartingWith("it is not valid YAML (line ")
                .hasMessageNotContaining("secret-ish");
    }

    @Test
    void anEmptyTextIsNotAMap() {
        assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableConfigException.class)
                .hasMessage("it is not a map of keys (empty)");
    }
}
