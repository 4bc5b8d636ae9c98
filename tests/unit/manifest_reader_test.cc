// Reading manifests: the seed files verbatim, YAML streams and typing, JSON
// objects, Lists and NDJSON, and the errors for unreadable input.
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kron/manifest.h"

namespace kron {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

std::string ReadFile(const std::string& relative) {
  std::ifstream in(std::string(KRON_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Manifest DecodeOne(const std::string& text, const std::string& file = "m.yaml") {
  ReadResult r = ReadManifestText(text, file);
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].message;
  EXPECT_EQ(r.documents.size(), 1u);
  DecodeResult d = DecodeManifest(r.documents.at(0));
  EXPECT_TRUE(d.errors.empty()) << d.errors[0].message;
  return *d.manifest;
}

TEST(SeedManifests, JobTest01ReadsAsWritten) {
  const std::string text = ReadFile("tests/data/seed/job-test01.yml");
  ASSERT_FALSE(text.empty());
  Manifest m = DecodeOne(text, "job-test01.yml");
  ASSERT_EQ(m.kind, ManifestKind::kJob);
  EXPECT_EQ(m.label(), "Job/job-test01");
  const JobSpec& s = m.job.spec;
  EXPECT_EQ(s.backoff_limit, 3);
  EXPECT_EQ(s.completions, std::nullopt);  // as written: unset
  EXPECT_EQ(s.template_.restart_policy, "Never");
  ASSERT_EQ(s.template_.containers.size(), 1u);
  EXPECT_EQ(s.template_.containers[0].name, "nginx-test01");
  EXPECT_EQ(s.template_.containers[0].image, "nginx:latest");
  EXPECT_THAT(s.template_.containers[0].command, ElementsAre("echo", "Hello world"));
  // Positions of fields, 1-based, as in the file.
  EXPECT_EQ(m.positions.Find("spec.backoffLimit"), (SourcePos{15, 3}));
  EXPECT_EQ(m.positions.Find("spec.template.spec.restartPolicy"), (SourcePos{14, 7}));
  EXPECT_EQ(m.positions.Find("spec.template.spec.containers[0].name"), (SourcePos{9, 11}));
}

TEST(SeedManifests, JobTest01Defaults) {
  Manifest m = DecodeOne(ReadFile("tests/data/seed/job-test01.yml"));
  ApplyDefaults(m);
  const JobSpec& s = m.job.spec;
  // The seed's `kubectl describe job`: Parallelism 1, Completions 1, NonIndexed.
  EXPECT_EQ(s.parallelism, 1);
  EXPECT_EQ(s.completions, 1);
  EXPECT_EQ(s.completion_mode, "NonIndexed");
  EXPECT_EQ(s.backoff_limit, 3);  // written, not the default 6
  EXPECT_EQ(s.suspend, false);
  EXPECT_EQ(s.pod_replacement_policy, "TerminatingOrFailed");
}

TEST(SeedManifests, CronJobTest01Defaults) {
  Manifest m = DecodeOne(ReadFile("tests/data/seed/cronjob-test01.yml"));
  ASSERT_EQ(m.kind, ManifestKind::kCronJob);
  EXPECT_EQ(m.cronjob.spec.schedule, "*/1 * * * *");
  EXPECT_EQ(m.cronjob.spec.concurrency_policy, "");
  ApplyDefaults(m);
  const CronJobSpec& s = m.cronjob.spec;
  EXPECT_EQ(s.concurrency_policy, "Allow");
  EXPECT_EQ(s.suspend, false);
  // The seed's describe: Successful Job History Limit 3, Failed Job History Limit 1.
  EXPECT_EQ(s.successful_jobs_history_limit, 3);
  EXPECT_EQ(s.failed_jobs_history_limit, 1);
  EXPECT_EQ(s.time_zone, std::nullopt);
  const Container& c = s.job_template.spec.template_.containers.at(0);
  EXPECT_EQ(c.name, "nginx-test02");
  EXPECT_THAT(c.command, ElementsAre("/bin/sh", "-c", "echo Hello World~"));
  // The Job defaults wait until the controller creates each Job.
  EXPECT_EQ(s.job_template.spec.backoff_limit, std::nullopt);
  JobSpec job = s.job_template.spec;
  ApplyJobDefaults(job);
  EXPECT_EQ(job.backoff_limit, 6);
}

TEST(Defaults, BackoffLimitPerIndexMakesBackoffLimitMaxInt32) {
  JobSpec s;
  s.backoff_limit_per_index = 1;
  s.completions = 4;
  ApplyJobDefaults(s);
  EXPECT_EQ(s.backoff_limit, 2147483647);
  EXPECT_EQ(s.parallelism, 1);
  EXPECT_EQ(s.completions, 4);
  EXPECT_EQ(s.template_.restart_policy, "Always");
}

TEST(Defaults, ParallelismOnlyLeavesCompletionsUnset) {
  JobSpec s;
  s.parallelism = 3;
  ApplyJobDefaults(s);
  EXPECT_EQ(s.completions, std::nullopt);
  EXPECT_EQ(s.parallelism, 3);
}

TEST(Defaults, PodFailurePolicyMakesReplacementFailed) {
  JobSpec s;
  s.has_pod_failure_policy = true;
  ApplyJobDefaults(s);
  EXPECT_EQ(s.pod_replacement_policy, "Failed");
}

TEST(Defaults, JobTakesTemplateLabels) {
  Manifest m = DecodeOne(
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    metadata:\n"
      "      labels: {app: x}\n    spec: {containers: [{name: a, image: b}]}\n");
  ApplyDefaults(m);
  EXPECT_THAT(m.job.metadata.labels, ElementsAre(Pair("app", "x")));
}

TEST(YamlReader, MultiDocumentStreamWithCommentsAndEmptyDocuments) {
  ReadResult r = ReadManifestText(
      "# leading comment\n---\na: 1\n---\n# only a comment\n---\nb: 2 # trailing\n...\n---\nc: 3\n",
      "s.yaml");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.documents.size(), 3u);
  EXPECT_EQ(r.documents[0].root.Find("a")->integer, 1);
  EXPECT_EQ(r.documents[1].root.Find("b")->integer, 2);
  EXPECT_EQ(r.documents[2].root.Find("c")->integer, 3);
  EXPECT_EQ(r.documents[2].root.Find("c")->pos, (SourcePos{10, 4}));
}

TEST(YamlReader, AnchorsAliasesAndMergeKeys) {
  ReadResult r = ReadManifestText(
      "base: &b {x: 1, y: 2}\ncopy: *b\nmerged:\n  <<: *b\n  y: 3\nlist: &l [a, b]\nagain: *l\n",
      "a.yaml");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  const Node& root = r.documents.at(0).root;
  EXPECT_EQ(root.Find("copy")->Find("x")->integer, 1);
  EXPECT_EQ(root.Find("merged")->Find("x")->integer, 1);
  EXPECT_EQ(root.Find("merged")->Find("y")->integer, 3);  // explicit keys win
  EXPECT_EQ(root.Find("again")->items.size(), 2u);
}

TEST(YamlReader, UndefinedAliasIsAnError) {
  ReadResult r = ReadManifestText("a: *nope\n---\nb: 1\n", "u.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0].message, HasSubstr("nope"));
  EXPECT_EQ(r.documents.size(), 1u);
}

TEST(YamlReader, ExcessiveAliasingIsRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i)
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" +
            std::string("*a") + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
  ReadResult r = ReadManifestText(text, "lol.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "yaml: document contains excessive aliasing");
}

// sigs.k8s.io/yaml → go-yaml v2 typing of plain scalars (YAML 1.1).
TEST(YamlReader, ScalarTypingFollowsGoYamlV2) {
  ReadResult r = ReadManifestText(
      "t1: yes\nt2: On\nf1: no\nf2: FALSE\ns1: \"yes\"\ns2: 'true'\nn1: ~\nn2: null\nn3:\n"
      "i1: 0x1F\ni2: 0777\ni3: -12\ni4: 1_000\ni5: 0b101\nf3: 1.5\nf4: .5\nf5: 09\n"
      "ts: 2026-01-01T08:00:00Z\nstr: nginx:latest\nv: 1.2.3\nsq: !!str 42\n",
      "t.yaml");
  ASSERT_TRUE(r.errors.empty());
  const Node& n = r.documents.at(0).root;
  auto type = [&](const char* k) { return n.Find(k)->type; };
  EXPECT_EQ(type("t1"), Node::Type::kBool);
  EXPECT_TRUE(n.Find("t2")->boolean);
  EXPECT_FALSE(n.Find("f1")->boolean);
  EXPECT_EQ(type("f2"), Node::Type::kBool);
  EXPECT_EQ(type("s1"), Node::Type::kString);
  EXPECT_EQ(type("s2"), Node::Type::kString);
  EXPECT_EQ(type("n1"), Node::Type::kNull);
  EXPECT_EQ(type("n2"), Node::Type::kNull);
  EXPECT_EQ(type("n3"), Node::Type::kNull);
  EXPECT_EQ(n.Find("i1")->integer, 31);
  EXPECT_EQ(n.Find("i2")->integer, 511);
  EXPECT_EQ(n.Find("i3")->integer, -12);
  EXPECT_EQ(n.Find("i4")->integer, 1000);
  EXPECT_EQ(n.Find("i5")->integer, 5);
  EXPECT_EQ(type("f3"), Node::Type::kFloat);
  EXPECT_DOUBLE_EQ(n.Find("f4")->number, 0.5);
  EXPECT_EQ(type("f5"), Node::Type::kFloat);  // not octal, so go-yaml reads a float
  EXPECT_EQ(type("ts"), Node::Type::kString);  // go-yaml v2 keeps timestamps as strings
  EXPECT_EQ(type("str"), Node::Type::kString);
  EXPECT_EQ(type("v"), Node::Type::kString);
  EXPECT_EQ(n.Find("sq")->text, "42");
  EXPECT_EQ(type("sq"), Node::Type::kString);
}

TEST(YamlReader, SyntaxErrorHasLineColumnAndOtherDocumentsSurvive) {
  ReadResult r = ReadManifestText("a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n", "bad.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "bad.yaml");
  EXPECT_EQ(r.errors[0].pos, (SourcePos{4, 2}));
  EXPECT_EQ(r.errors[0].message,
            "yaml: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 4)");
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_NE(r.documents[0].root.Find("a"), nullptr);
  EXPECT_NE(r.documents[1].root.Find("d"), nullptr);
}

TEST(YamlReader, TabIndentationIsReported) {
  ReadResult r = ReadManifestText("a:\n\tb: 1\n", "tab.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].pos.line, 2);
  EXPECT_THAT(r.errors[0].message, HasSubstr("found character that cannot start any token"));
}

constexpr char kJobJson[] =
    R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},)"
    R"("spec":{"backoffLimit":2,"template":{"spec":{"restartPolicy":"Never",)"
    R"("containers":[{"name":"c","image":"i"}]}}}})";

TEST(JsonReader, OneObjectWithPositions) {
  Manifest m = DecodeOne(std::string("\n  ") + kJobJson, "j.json");
  EXPECT_EQ(m.job.spec.backoff_limit, 2);
  EXPECT_EQ(m.pos, (SourcePos{2, 3}));
  EXPECT_EQ(m.positions.Find("spec.backoffLimit"), (SourcePos{2, 73}));
}

TEST(JsonReader, KubectlListIsExpanded) {
  const std::string text = std::string("{\n \"apiVersion\": \"v1\",\n \"kind\": \"List\",\n \"items\": [\n  ") +
                           kJobJson + ",\n  " + kJobJson + "\n ]\n}\n";
  ReadResult r = ReadManifestText(text, "list.json");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[1].index, 1);
  EXPECT_EQ(r.documents[1].root.pos, (SourcePos{6, 3}));
  EXPECT_TRUE(DecodeManifest(r.documents[1]).manifest.has_value());
}

TEST(JsonReader, TypedListItemsTakeTheirKindFromTheList) {
  const std::string text =
      R"({"apiVersion":"batch/v1","kind":"CronJobList","items":[{"metadata":{"name":"c"},"spec":{"schedule":"@daily"}}]})";
  ReadResult r = ReadManifestText(text, "l.json");
  ASSERT_EQ(r.documents.size(), 1u);
  DecodeResult d = DecodeManifest(r.documents[0]);
  ASSERT_TRUE(d.manifest.has_value());
  EXPECT_EQ(d.manifest->label(), "CronJob/c");
}

TEST(JsonReader, NdjsonWithABrokenLineKeepsTheOthers) {
  const std::string text = std::string(kJobJson) + "\n{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\"\n" +
                           kJobJson + "\n";
  ReadResult r = ReadManifestText(text, "n.json");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].pos.line, 2);
  EXPECT_THAT(r.errors[0].message, HasSubstr("json: "));
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[1].root.pos.line, 3);
}

TEST(JsonReader, TruncatedJsonNamesSimdjsonError) {
  const std::string full = kJobJson;
  ReadResult r = ReadManifestText(full.substr(0, 80), "t.json");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.documents.empty());
  EXPECT_EQ(r.errors[0].pos.line, 1);
  EXPECT_THAT(r.errors[0].message, ::testing::MatchesRegex("json: [A-Z_]+: .+"));
}

TEST(JsonReader, UnclosedString) {
  ReadResult r = ReadManifestText("{\"a\": \"x}", "s.json");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "json: UNCLOSED_STRING: A string is opened, but never closed.");
}

TEST(JsonReader, ConcatenatedPrettyObjects) {
  ReadResult r = ReadManifestText("{\n \"a\": 1\n}\n{\n \"b\": [true, null, 1.5]\n}\n", "c.json");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.documents.size(), 2u);
  const Node* b = r.documents[1].root.Find("b");
  ASSERT_EQ(b->items.size(), 3u);
  EXPECT_EQ(b->items[0].type, Node::Type::kBool);
  EXPECT_EQ(b->items[1].type, Node::Type::kNull);
  EXPECT_EQ(b->items[2].type, Node::Type::kFloat);
  EXPECT_EQ(b->items[2].pos, (SourcePos{5, 20}));
}

// Numbers that are not int64 are read as JSON's grammar (RFC 8259 §6) and
// rounded to the nearest double, as simdjson's get_double reads them.
TEST(JsonReader, NumbersBeyondInt64AreDoubles) {
  ReadResult r = ReadManifestText(
      "{\"a\": [3.0, -0.5, 1E+2, 0.1e-3, 99999999999999999999, 1e-400, 2.2250738585072011e-308]}",
      "n.json");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  const Node* a = r.documents.at(0).root.Find("a");
  ASSERT_EQ(a->items.size(), 7u);
  const double want[] = {3.0, -0.5, 100.0, 0.0001, 1e20, 0.0, 2.2250738585072009e-308};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(a->items[i].type, Node::Type::kFloat) << i;
    EXPECT_EQ(a->items[i].number, want[i]) << i;
  }
  EXPECT_EQ(a->items[4].text, "99999999999999999999");
}

TEST(JsonReader, MalformedNumbersAreErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"01", "NUMBER_ERROR"}, {"1.", "NUMBER_ERROR"},   {"1.5e", "NUMBER_ERROR"},
      {"1x", "NUMBER_ERROR"}, {"1e400", "NUMBER_ERROR"}, {"-", "INCORRECT_TYPE"},
      {"-x", "INCORRECT_TYPE"},
  };
  for (const auto& [number, code] : cases) {
    ReadResult r = ReadManifestText(std::string("{\"a\": ") + number + "}", "n.json");
    ASSERT_EQ(r.errors.size(), 1u) << number;
    EXPECT_THAT(r.errors[0].message, ::testing::StartsWith(std::string("json: ") + code + ": "))
        << number;
    EXPECT_EQ(r.errors[0].pos, (SourcePos{1, 7})) << number;
  }
}

TEST(Decode, WrongTypeNamesFieldAndTypes) {
  ReadResult r = ReadManifestText(
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  backoffLimit: \"3\"\n"
      "  suspend: maybe\n  template: {spec: {containers: [{name: 123, image: b}]}}\n",
      "w.yaml");
  DecodeResult d = DecodeManifest(r.documents.at(0));
  EXPECT_FALSE(d.manifest.has_value());
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_EQ(d.errors[0].message, "spec.backoffLimit: expected integer, got string");
  EXPECT_EQ(d.errors[0].pos, (SourcePos{5, 17}));
  EXPECT_EQ(d.errors[1].message, "spec.suspend: expected boolean, got string");
  EXPECT_EQ(d.errors[2].message, "spec.template.spec.containers[0].name: expected string, got integer");
}

TEST(Decode, Int32Range) {
  ReadResult r = ReadManifestText(
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {parallelism: 3000000000, completions: 2.0}\n",
      "r.yaml");
  DecodeResult d = DecodeManifest(r.documents.at(0));
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message, "spec.parallelism: expected int32, got 3000000000 (out of range)");
}

TEST(Decode, UnsupportedKindIsReported) {
  ReadResult r = ReadManifestText("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\n"
                                  "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\n",
                                  "k.yaml");
  ASSERT_EQ(r.documents.size(), 2u);
  DecodeResult d = DecodeManifest(r.documents[0]);
  EXPECT_TRUE(d.unsupported_kind);
  EXPECT_EQ(d.errors.at(0).message, "kind Deployment is not supported by kron (only batch/v1 Job and CronJob)");
  EXPECT_EQ(d.errors.at(0).pos, (SourcePos{2, 7}));
  DecodeResult c = DecodeManifest(r.documents[1]);
  EXPECT_EQ(c.errors.at(0).message,
            "apiVersion batch/v1beta1 of kind CronJob is not supported by kron (only batch/v1 Job and CronJob)");
}

TEST(Decode, UnknownFieldsAreCollected) {
  ReadResult r = ReadManifestText(
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c, lables: {}}\nspec:\n  schedule: '@daily'\n"
      "  backoffLimit: 3\n  jobTemplate: {spec: {template: {spec: {containers: []}}}}\n",
      "u.yaml");
  DecodeResult d = DecodeManifest(r.documents.at(0));
  ASSERT_TRUE(d.manifest.has_value());
  EXPECT_THAT(d.unknown_fields,
              ElementsAre(Pair("metadata.lables", SourcePos{3, 21}), Pair("spec.backoffLimit", SourcePos{6, 3})));
}

TEST(Decode, NullLeavesFieldsUnset) {
  Manifest m = DecodeOne("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {backoffLimit: null, suspend: ~}\n");
  EXPECT_EQ(m.job.spec.backoff_limit, std::nullopt);
  EXPECT_EQ(m.job.spec.suspend, std::nullopt);
}

TEST(Decode, MissingKind) {
  ReadResult r = ReadManifestText("apiVersion: batch/v1\nmetadata: {name: j}\n", "m.yaml");
  DecodeResult d = DecodeManifest(r.documents.at(0));
  EXPECT_EQ(d.errors.at(0).message, "kind not set");
}

TEST(FieldPositions, MissingFieldFallsBackToParent) {
  FieldPositions p;
  p.Set("spec", {5, 1});
  p.Set("spec.template.spec", {7, 5});
  EXPECT_EQ(p.Find("spec.template.spec.restartPolicy"), (SourcePos{7, 5}));
  EXPECT_EQ(p.Find("spec.template.spec.containers[0].image"), (SourcePos{7, 5}));
  EXPECT_EQ(p.Find("spec.jobTemplate"), (SourcePos{5, 1}));
  EXPECT_EQ(p.Find("metadata.name"), (SourcePos{}));
}

}  // namespace
}  // namespace kron
