#include "terms/aho_corasick.h"

#include <algorithm>
#include <deque>

namespace tmalign {

AhoCorasick::AhoCorasick() {
  nodes_.emplace_back();
  build_edges_.emplace_back();
  nodes_[0].row = 0;
  rows_.assign(256, 0);
}

int AhoCorasick::Add(std::string_view pattern) {
  int32_t node = 0;
  for (unsigned char b : pattern) {
    auto& edges = build_edges_[static_cast<size_t>(node)];
    auto it =
        std::lower_bound(edges.begin(), edges.end(), b, [](const Edge& e, uint8_t v) { return e.byte < v; });
    if (it != edges.end() && it->byte == b) {
      node = it->target;
      continue;
    }
    const int32_t next = static_cast<int32_t>(nodes_.size());
    edges.insert(it, Edge{b, next});
    nodes_.emplace_back();
    build_edges_.emplace_back();
    node = next;
  }
  Node& end = nodes_[static_cast<size_t>(node)];
  if (end.output < 0) {
    end.output = static_cast<int32_t>(lengths_.size());
    lengths_.push_back(pattern.size());
  }
  built_ = false;
  return end.output;
}

int32_t AhoCorasick::Child(int32_t node, uint8_t byte) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  const Edge* begin = edges_.data() + n.first_edge;
  const Edge* end = begin + n.edge_count;
  if (n.edge_count <= 8) {
    for (const Edge* e = begin; e != end; ++e) {
      if (e->byte == byte) return e->target;
    }
    return -1;
  }
  const Edge* it = std::lower_bound(begin, end, byte, [](const Edge& e, uint8_t v) { return e.byte < v; });
  return it != end && it->byte == byte ? it->target : -1;
}

void AhoCorasick::Build() {
  // Flatten the edge lists, then compute failure and dictionary links breadth first.
  edges_.clear();
  for (size_t i = 0; i < nodes_.size(); ++i) {
    nodes_[i].first_edge = static_cast<uint32_t>(edges_.size());
    nodes_[i].edge_count = static_cast<uint16_t>(build_edges_[i].size());
    edges_.insert(edges_.end(), build_edges_[i].begin(), build_edges_[i].end());
    nodes_[i].row = -1;
  }
  rows_.assign(256, 0);
  nodes_[0].row = 0;
  std::vector<uint8_t> depth(nodes_.size(), 0);
  std::deque<int32_t> queue;
  for (const Edge& e : build_edges_[0]) {
    rows_[e.byte] = e.target;
    nodes_[static_cast<size_t>(e.target)].fail = 0;
    depth[static_cast<size_t>(e.target)] = 1;
    queue.push_back(e.target);
  }
  while (!queue.empty()) {
    const int32_t u = queue.front();
    queue.pop_front();
    Node& un = nodes_[static_cast<size_t>(u)];
    // Breadth first, so the failure node (shallower) has its row already.
    if (depth[static_cast<size_t>(u)] <= kRowDepth) {
      un.row = static_cast<int32_t>(rows_.size() / 256);
      const size_t fail_row = static_cast<size_t>(nodes_[static_cast<size_t>(un.fail)].row) * 256;
      for (size_t b = 0; b < 256; ++b) rows_.push_back(rows_[fail_row + b]);
      for (const Edge& e : build_edges_[static_cast<size_t>(u)])
        rows_[static_cast<size_t>(un.row) * 256 + e.byte] = e.target;
    }
    for (const Edge& e : build_edges_[static_cast<size_t>(u)]) {
      int32_t f = nodes_[static_cast<size_t>(u)].fail;
      int32_t target = -1;
      while (true) {
        target = f == 0 ? rows_[e.byte] : Child(f, e.byte);
        if (target >= 0 && (f != 0 || target != 0)) break;
        if (f == 0) {
          target = 0;
          break;
        }
        f = nodes_[static_cast<size_t>(f)].fail;
      }
      Node& v = nodes_[static_cast<size_t>(e.target)];
      v.fail = target == e.target ? 0 : target;
      const Node& fn = nodes_[static_cast<size_t>(v.fail)];
      v.dict_link = fn.output >= 0 ? v.fail : fn.dict_link;
      depth[static_cast<size_t>(e.target)] =
          static_cast<uint8_t>(std::min(255, depth[static_cast<size_t>(u)] + 1));
      queue.push_back(e.target);
    }
  }
  built_ = true;
}

void AhoCorasick::FindAll(std::string_view text,
                          const std::function<void(int id, size_t begin, size_t end)>& on_match) const {
  if (!built_ || lengths_.empty()) return;
  int32_t state = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const uint8_t b = static_cast<uint8_t>(text[i]);
    while (true) {
      const Node& n = nodes_[static_cast<size_t>(state)];
      if (n.row >= 0) {
        state = rows_[static_cast<size_t>(n.row) * 256 + b];
        break;
      }
      const int32_t next = Child(state, b);
      if (next >= 0) {
        state = next;
        break;
      }
      state = n.fail;
    }
    for (int32_t s = nodes_[static_cast<size_t>(state)].output >= 0
                         ? state
                         : nodes_[static_cast<size_t>(state)].dict_link;
         s >= 0; s = nodes_[static_cast<size_t>(s)].dict_link) {
      const int id = nodes_[static_cast<size_t>(s)].output;
      const size_t len = lengths_[static_cast<size_t>(id)];
      on_match(id, i + 1 - len, i + 1);
    }
  }
}

}  // namespace tmalign
