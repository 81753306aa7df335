#include "core/base/id_table.hpp"

#include <algorithm>

namespace microstep {

void IdTable::add(std::string_view id, long value) {
  if ((used_ + 1) * 2 > slots_.size()) grow();  // at most half full: probe chains stay short
  place(id, value);
}

void IdTable::place(std::string_view id, long value) {
  const Key key(id);
  for (size_t i = key.hash() & mask();; i = (i + 1) & mask()) {
    Slot& slot = slots_[i];
    if (slot.value == kAbsent) ++used_;
    if (slot.value == kAbsent || slot.id == id) {
      slot = {id, key, value};
      return;
    }
  }
}

void IdTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(16, old.size() * 2), Slot{});
  used_ = 0;
  for (const Slot& slot : old)
    if (slot.value != kAbsent) place(slot.id, slot.value);
}

}  // namespace microstep
