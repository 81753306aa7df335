#include "core/model/zone_file.hpp"

#include <algorithm>
#include <limits>

// date 3.0.1's ptz.h says `hh_mm_ss` unqualified under both `using namespace date` and
// `using namespace std::chrono`, which is ambiguous in C++20. A name declared in its own
// namespace is found first, so this settles it without touching the header. ptz.h defines
// a function that is not inline: it must be included by this file only.
namespace Posix {
using date::hh_mm_ss;
}

#include <date/ptz.h>

namespace microstep {

struct PosixZone::Rule {
  Posix::time_zone zone;
};

std::optional<PosixZone> PosixZone::parse(const std::string& rule) {
  try {
    PosixZone zone;
    zone.rule_ = std::make_shared<const Rule>(Rule{Posix::time_zone{rule}});
    return zone;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

ZoneSpan PosixZone::span_at(date::sys_seconds instant) const {
  date::sys_info info = rule_->zone.get_info(instant);
  return {info.begin, info.end, info.offset};
}

namespace {

/// Reads big-endian integers from the file's bytes; any read past the end makes it bad.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  std::uint64_t number(size_t width) {
    if (!take(width)) return 0;
    std::uint64_t n = 0;
    for (size_t i = 0; i < width; ++i) n = n << 8 | static_cast<unsigned char>(bytes_[at_ - width + i]);
    return n;
  }
  std::int64_t signed_number(size_t width) {
    std::uint64_t n = number(width);
    if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(n));
    return static_cast<std::int64_t>(n);
  }
  std::string_view bytes(size_t count) {
    if (!take(count)) return {};
    return bytes_.substr(at_ - count, count);
  }
  bool skip(std::uint64_t count) { return take(count); }
  std::string_view rest() const { return bytes_.substr(at_); }

 private:
  bool take(std::uint64_t count) {
    if (!ok_ || count > bytes_.size() - at_) return ok_ = false;
    at_ += static_cast<size_t>(count);
    return true;
  }
  std::string_view bytes_;
  size_t at_ = 0;
  bool ok_ = true;
};

/// The counts in a TZif header, in the file's order.
struct Header {
  char version = 0;
  std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

std::optional<Header> read_header(Reader& in) {
  if (in.bytes(4) != "TZif") return std::nullopt;
  Header h;
  std::string_view version = in.bytes(1);
  h.version = version.empty() ? 0 : version[0];
  in.skip(15);
  h.isutcnt = in.number(4), h.isstdcnt = in.number(4), h.leapcnt = in.number(4);
  h.timecnt = in.number(4), h.typecnt = in.number(4), h.charcnt = in.number(4);
  // RFC 8536: at least one local time type; the indicator counts are zero or typecnt.
  if (!in.ok() || h.typecnt == 0 || (h.isutcnt != 0 && h.isutcnt != h.typecnt) ||
      (h.isstdcnt != 0 && h.isstdcnt != h.typecnt))
    return std::nullopt;
  return h;
}

/// The bytes of one data block (times `time_size` bytes wide), header excluded.
std::uint64_t block_size(const Header& h, std::uint64_t time_size) {
  return h.timecnt * time_size + h.timecnt + h.typecnt * 6 + h.charcnt + h.leapcnt * (time_size + 4) +
         h.isstdcnt + h.isutcnt;
}

}  // namespace

std::optional<ZoneFile> ZoneFile::parse(std::string_view bytes) {
  Reader in(bytes);
  auto header = read_header(in);
  if (!header) return std::nullopt;
  size_t time_size = 4;
  if (header->version >= '2') {  // the 64-bit block follows the 32-bit one, which is skipped
    in.skip(block_size(*header, 4));
    header = read_header(in);
    if (!header) return std::nullopt;
    time_size = 8;
  }
  const Header& h = *header;
  // With leap seconds (the right/ zones) its instants count them, which POSIX time does not.
  if (h.leapcnt != 0) return std::nullopt;
  ZoneFile zone;
  zone.transitions_.reserve(h.timecnt);
  for (std::uint64_t i = 0; i < h.timecnt; ++i) zone.transitions_.push_back(in.signed_number(time_size));
  std::string_view type_of = in.bytes(h.timecnt);
  std::vector<std::int32_t> type_offsets;
  for (std::uint64_t i = 0; i < h.typecnt; ++i) {
    type_offsets.push_back(static_cast<std::int32_t>(in.signed_number(4)));
    in.skip(2);  // is-DST, the abbreviation's index: not needed for offsets
  }
  in.skip(h.charcnt + h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt);
  if (!in.ok() || !std::is_sorted(zone.transitions_.begin(), zone.transitions_.end())) return std::nullopt;
  for (unsigned char type : type_of) {
    if (type >= type_offsets.size()) return std::nullopt;
    zone.offsets_.push_back(type_offsets[type]);
  }
  zone.initial_offset_ = type_offsets[0];  // RFC 8536: type 0 is in force before the first transition
  if (time_size == 8) {  // the footer: "\n" RULE "\n", the rule possibly empty
    std::string_view rest = in.rest();
    if (rest.size() < 2 || rest[0] != '\n') return std::nullopt;
    size_t end = rest.find('\n', 1);
    if (end == std::string_view::npos) return std::nullopt;
    std::string rule(rest.substr(1, end - 1));
    if (!rule.empty()) {
      zone.rule_ = PosixZone::parse(rule);
      if (!zone.rule_) return std::nullopt;
    }
  }
  return zone;
}

ZoneSpan ZoneFile::span_at(date::sys_seconds instant) const {
  using std::chrono::seconds;
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min() / 2, kMax = std::numeric_limits<std::int64_t>::max() / 2;
  const std::int64_t t = instant.time_since_epoch().count();
  // The transitions at or before t: the last of them sets the offset.
  const size_t k = static_cast<size_t>(std::upper_bound(transitions_.begin(), transitions_.end(), t) - transitions_.begin());
  if (k == transitions_.size() && rule_) {
    ZoneSpan span = rule_->span_at(instant);
    if (!transitions_.empty()) span.begin = std::max(span.begin, date::sys_seconds{seconds{transitions_.back()}});
    return span;
  }
  const std::int64_t begin = k == 0 ? kMin : transitions_[k - 1];
  const std::int64_t end = k == transitions_.size() ? kMax : transitions_[k];
  const std::int32_t offset = k == 0 ? initial_offset_ : offsets_[k - 1];
  return {date::sys_seconds{seconds{begin}}, date::sys_seconds{seconds{end}}, seconds{offset}};
}

}  // namespace microstep
