// Per-call time of each validator and of whole-form validation.
// Targets: a single field under 1 µs, a whole feedback form under 20 µs.
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "bench/timing.hpp"
#include "bundle/bundled_files.hpp"
#include "forms/attachment.hpp"
#include "forms/date_field.hpp"
#include "forms/email.hpp"
#include "forms/form_validator.hpp"
#include "forms/forms_config.hpp"
#include "forms/inn.hpp"
#include "forms/kinds.hpp"
#include "forms/ogrn.hpp"
#include "forms/passport.hpp"
#include "forms/person_name.hpp"
#include "forms/phone.hpp"
#include "forms/snils.hpp"

using namespace support;
using namespace support::forms;

int main() {
  const auto config = FormsConfig::load(bundle::all_files());
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error.c_str());
    return 1;
  }
  constexpr double kFieldTarget = 1000, kFormTarget = 20000;
  constexpr std::size_t kCalls = 200000;

  using Validator = std::function<Result(std::string_view)>;
  const std::vector<std::tuple<std::string, Validator, std::vector<std::string>>> fields = {
      {"snils", [](auto v) { return snils::validate(v); }, {"112-233-445 95", "112-233-445 96", "00132667900"}},
      {"inn", [](auto v) { return inn::validate(v); }, {"7707083893", "500100732259", "7707083894"}},
      {"ogrn", [](auto v) { return ogrn::validate(v); }, {"1027700132195", "1037739010891"}},
      {"ogrnip", [](auto v) { return ogrnip::validate(v); }, {"304500116000157"}},
      {"passport", [](auto v) { return passport::validate(v); }, {"45 08 123456", "4508123456"}},
      {"phone", [](auto v) { return phone::validate(v); },
       {"8 800 100-70-10", "+7 (495) 783-34-34 доб. 123", "8 (916) 123 45 67"}},
      {"email", [](auto v) { return email::validate(v); },
       {"ivan.petrov@mail.ru", "почта@госуслуги.рф", "ivan@@mail.ru"}},
      {"name", [](auto v) { return person_name::validate(v); }, {"Иванов Иван Иванович", "Салтыков-Щедрин Михаил"}},
      {"date", [](auto v) { return date::validate(v); }, {"25.11.2026", "1985-03-05"}},
  };
  std::printf("forms core, native, median of 7 batches\n");
  for (const auto& [kind, validate, values] : fields) {
    const double ns = bench::median_ns_per_call(
        [&, &validate = validate, &values = values](std::size_t i) { return validate(values[i % values.size()]).value.size(); },
        kCalls);
    bench::report("validate " + kind, ns, kFieldTarget);
  }
  bench::report("validate + display form (supportctl path)",
                bench::median_ns_per_call([&](std::size_t) { return check_kind("snils", "112-233-445 95")->formatted.size(); }, kCalls),
                kFieldTarget);

  const auto& policy = config.value->passwords.policy();
  const std::vector<std::string> passwords = {"P@ssw0rd", "Vk7#mQ2pLx9t", "Gfhjkm2024!", "correct-Horse-battery-7"};
  bench::report("password policy (composition rules)",
                bench::median_ns_per_call([&](std::size_t i) { return policy.check(passwords[i % 4]).size(); }, kCalls),
                kFieldTarget);
  bench::report("password policy + strength estimate",
                bench::median_ns_per_call(
                    [&](std::size_t i) { return static_cast<std::size_t>(config.value->passwords.check(passwords[i % 4]).score); },
                    kCalls / 10),
                20000);

  const std::string pdf = "%PDF-1.4\n" + std::string(4096, 'x') + "\n%%EOF\n";
  const auto& profile = *config.value->attachments.profile("portal_form");
  bench::report("attachment check (4 KB PDF)",
                bench::median_ns_per_call([&](std::size_t) { return attachment::check_file(pdf, "scan.pdf", "application/pdf", profile).value.size(); }, kCalls),
                kFieldTarget);

  const FormSchema& feedback = *config.value->schema("feedback");
  const nlohmann::json form{{"subject", "Не приходит SMS-код"},
                            {"description", "Третий день не могу войти: код подтверждения не приходит на телефон. "
                                            "Проверил баланс и блокировку отправителей."},
                            {"phone", "8 (916) 123-45-67"},
                            {"email", "ivan.petrov@mail.ru"},
                            {"request_type", "technical_error"},
                            {"inn", "500100732259"},
                            {"occurred_at", "21.11.2026 09:15"},
                            {"attachments", {{{"name", "screen.png"}, {"size", 183000}, {"mime", "image/png"}}}},
                            {"consent", true}};
  const FormContext context{DateTime{{2026, 11, 21}, 14, 30}};
  bench::report("whole feedback form (parsed JSON)",
                bench::median_ns_per_call([&](std::size_t) { return validate_form(feedback, form, context).issues.size() + 1; }, kCalls / 10),
                kFormTarget);
  const std::string text = form.dump();
  bench::report("whole feedback form (JSON text, incl. parse)",
                bench::median_ns_per_call([&](std::size_t) { return validate_form_json(feedback, text, context).issues.size() + 1; }, kCalls / 10),
                kFormTarget);
  return 0;
}
