#include "chat/knowledge_base.hpp"

#include <algorithm>

namespace support::chat {

namespace {

constexpr std::string_view kTopicDir = "chat/kb/topics/";

bool is_topic_id(const std::string& id) {
  const auto dot = id.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == id.size() || id.find('.', dot + 1) != std::string::npos) {
    return false;
  }
  if (!(id[0] >= 'a' && id[0] <= 'z') || !(id[dot + 1] >= 'a' && id[dot + 1] <= 'z')) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; });
}

i18n::MessagePattern read_pattern(ObjectReader& r, const std::string& key, const std::string& text,
                                  std::optional<std::size_t> index = std::nullopt) {
  std::string error;
  auto pattern = i18n::MessagePattern::parse(text, error);
  auto fail = [&](const std::string& message) {
    if (index) r.fail_item(key, *index, message);
    r.fail(key, message);
  };
  if (!pattern) fail("malformed text: " + error);
  for (const auto& name : pattern->arguments()) {
    if (!answer_placeholders().count(name)) fail("unknown placeholder {" + name + "}");
  }
  return std::move(*pattern);
}

TopicText read_text(ObjectReader r) {
  TopicText t;
  t.title = r.string("title");
  t.answer = read_pattern(r, "answer", r.string("answer"));
  const auto steps = r.strings_or_empty("steps");
  for (std::size_t i = 0; i < steps.size(); ++i) t.steps.push_back(read_pattern(r, "steps", steps[i], i));
  t.examples = r.strings("examples");
  if (t.examples.size() < 3) r.fail("examples", "give at least three ways people ask");
  for (std::size_t i = 0; i < t.examples.size(); ++i) {
    if (t.examples[i].find_first_not_of(' ') == std::string::npos) r.fail_item("examples", i, "empty example");
  }
  t.keywords = r.strings_or_empty("keywords");
  r.finish();
  return t;
}

Topic read_topic(ObjectReader r, const std::vector<std::string>& locales) {
  Topic t;
  t.id = r.string("id");
  if (!is_topic_id(t.id)) r.fail("id", "expected area.name in lower case, got \"" + t.id + "\"");
  t.urgent = r.boolean_or("urgent", false);
  t.offer_operator = r.boolean_or("operator", true);
  if (r.has("form")) {
    ObjectReader f = r.object("form");
    t.form = FormLink{f.string("schema"), f.string_or("request_type", "")};
    f.finish();
  }
  t.related = r.strings_or_empty("related");
  for (const auto& locale : locales) {
    if (!r.has(locale)) r.fail("", "missing locale \"" + locale + "\"");
    t.text.emplace(locale, read_text(r.object(locale)));
  }
  r.finish();
  return t;
}

void check_form_link(const Topic& t, const forms::FormsConfig& forms, const std::string& where) {
  if (!t.form) return;
  const forms::FormSchema* schema = forms.schema(t.form->schema);
  if (!schema) throw ConfigError(where + "/form/schema: unknown form \"" + t.form->schema + "\"");
  if (t.form->request_type.empty()) return;
  const forms::FieldSpec* field = schema->field("request_type");
  if (!field || std::find(field->options.begin(), field->options.end(), t.form->request_type) == field->options.end()) {
    throw ConfigError(where + "/form/request_type: \"" + t.form->request_type + "\" is not a request type of form \"" +
                      t.form->schema + "\"");
  }
}

DialogueSettings read_dialogue(std::string_view json, const std::string& file) {
  ConfigFile r(json, file);
  const nlohmann::json& doc = r.json();
  DialogueSettings d;
  const auto& categories = r.required("categories");
  if (!categories.is_array() || categories.empty()) r.fail("categories", "expected a non-empty array");
  for (std::size_t i = 0; i < categories.size(); ++i) {
    ObjectReader c = r.element(categories, "categories", i);
    d.categories.push_back({c.string("id"), c.strings("topics")});
    c.finish();
  }
  const auto number = [&](const char* key, double min, double max) {
    const auto& v = r.required(key);
    if (!v.is_number() || v.get<double>() < min || v.get<double>() > max) {
      r.fail(key, "expected a number between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return v.get<double>();
  };
  d.min_confidence = number("min_confidence", 0, 1);
  d.clarify_margin = number("clarify_margin", 0, 1);
  d.max_clarify_options = static_cast<std::size_t>(r.integer("max_clarify_options", 2, 5));
  ObjectReader phone = r.object("phone_service_by_area");
  for (const auto& item : doc.at("phone_service_by_area").items()) {
    if (!item.value().is_string()) phone.fail(item.key(), "expected a service id");
    phone.allow(item.key());
    d.phone_service_by_area.emplace(item.key(), item.value().get<std::string>());
  }
  r.finish();
  return d;
}

}  // namespace

const TopicText& Topic::in(std::string_view locale) const {
  const auto it = text.find(locale);
  return it != text.end() ? it->second : text.begin()->second;
}

const std::set<std::string>& answer_placeholders() {
  static const std::set<std::string> names = {
      "portal", "hotline", "hotline_hours", "chat_hours", "mfc_hours", "support_email", "email_reply_hours",
      "deadline_standard", "deadline_urgent", "deadline_complex", "upload_max_file", "upload_types",
      "email_types", "email_max_total", "password_min_length", "password_max_length"};
  return names;
}

const Topic* KnowledgeBase::topic(std::string_view id) const {
  for (const auto& t : topics_) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Loaded<KnowledgeBase> KnowledgeBase::load(const DataFiles& files, const forms::FormsConfig& forms,
                                          const std::vector<std::string>& locales) {
  return load_config<KnowledgeBase>([&] {
    if (locales.empty()) throw ConfigError("chat/kb: no locales");
    KnowledgeBase kb;
    kb.locales_ = locales;
    kb.channels_ = value_or_throw(Channels::load(require_file(files, "chat/kb/channels.json")));
    kb.lexicon_ = value_or_throw(Lexicon::load(require_file(files, "chat/kb/lexicon.json"), locales));
    const std::string dialogue_file = "chat/kb/dialogue.json";
    kb.dialogue_ = read_dialogue(require_file(files, dialogue_file), dialogue_file);

    std::map<std::string, std::string> origin;  // topic id -> "file: /topics/i"
    for (const auto& [path, content] : files) {
      if (path.substr(0, kTopicDir.size()) != kTopicDir) continue;
      const std::string file(path);
      ConfigFile root(content, file);
      const auto& list = root.required("topics");
      if (!list.is_array()) root.fail("topics", "expected an array of topics");
      for (std::size_t i = 0; i < list.size(); ++i) {
        Topic t = read_topic(root.element(list, "topics", i), locales);
        const std::string where = file + ": /topics/" + std::to_string(i);
        const auto [it, inserted] = origin.emplace(t.id, where);
        if (!inserted) throw ConfigError(where + "/id: duplicate topic id \"" + t.id + "\", first at " + it->second);
        check_form_link(t, forms, where);
        kb.topics_.push_back(std::move(t));
      }
      root.finish();
    }
    if (kb.topics_.empty()) throw ConfigError(std::string(kTopicDir) + ": no topics");

    for (std::size_t i = 0; i < kb.topics_.size(); ++i) {
      const Topic& t = kb.topics_[i];
      for (std::size_t k = 0; k < t.related.size(); ++k) {
        if (!kb.topic(t.related[k]) || t.related[k] == t.id) {
          throw ConfigError(origin[t.id] + "/related/" + std::to_string(k) + ": no such topic \"" + t.related[k] + "\"");
        }
      }
    }
    for (const auto& [area, service_id] : kb.dialogue_.phone_service_by_area) {
      const std::string& service = service_id;  // C++17 lambdas cannot capture structured bindings
      const auto& periods = kb.channels_.phone_periods();
      const bool offered = std::any_of(periods.begin(), periods.end(), [&](const PhonePeriod& p) {
        return std::find(p.services.begin(), p.services.end(), service) != p.services.end();
      });
      if (!offered) {
        throw ConfigError(dialogue_file + ": /phone_service_by_area/" + area + ": the phone line never offers \"" + service + "\"");
      }
    }
    for (const auto& t : kb.topics_) {
      if (!kb.dialogue_.phone_service_by_area.count(t.area())) {
        throw ConfigError(dialogue_file + ": /phone_service_by_area: no phone service for area \"" + t.area() + "\" (" + origin[t.id] + ")");
      }
    }
    for (std::size_t c = 0; c < kb.dialogue_.categories.size(); ++c) {
      const auto& topics = kb.dialogue_.categories[c].topics;
      for (std::size_t k = 0; k < topics.size(); ++k) {
        if (!kb.topic(topics[k])) {
          throw ConfigError(dialogue_file + ": /categories/" + std::to_string(c) + "/topics/" + std::to_string(k) +
                            ": no such topic \"" + topics[k] + "\"");
        }
      }
    }
    const std::string model_file = "chat/kb/model.json";
    for (const auto& [path, content] : files) {
      if (path != model_file) continue;
      std::vector<std::string> ids;
      for (const auto& t : kb.topics_) ids.push_back(t.id);
      kb.model_ = value_or_throw(LearnedModel::load(content, locales, ids, model_file));
    }
    return kb;
  });
}

}  // namespace support::chat
