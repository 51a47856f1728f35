// HTML: the bytes decoded to UTF-8 first (a BOM, else the charset a <meta> declares in the
// first 1024 bytes as browsers prescan, else detected as for plain text), then parsed by
// gumbo, an HTML5 parser that reads malformed markup as browsers do, and walked without
// recursion. Block elements make paragraphs; a visible line break (<br>, a line of <pre>)
// ends one too, as a line ends a paragraph in a text file.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "doc/html_markup.h"
#include "doc/readers.h"
#include "text/encoding.h"

namespace tmalign {
namespace {

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_RT:  // ruby annotations (pinyin, zhuyin) over the text they explain
    case GUMBO_TAG_RP:
      return true;
    default:
      return false;
  }
}

bool IsPreformatted(GumboTag tag) {
  return tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP ||
         tag == GUMBO_TAG_PLAINTEXT;
}

bool IsBlockTag(GumboTag tag) { return IsHtmlBlockElement(gumbo_normalized_tagname(tag)); }

class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(std::vector<Paragraph>* out) : out_(out) {}
  void Append(std::string_view text) { current_ += text; }
  void Break() {
    if (current_.find_first_not_of(" \t\n\r\f") != std::string::npos) out_->push_back({current_, 0});
    current_.clear();
  }

 private:
  std::vector<Paragraph>* out_;
  std::string current_;
};

// Text inside <pre>: each line its own paragraph.
void AppendPreformatted(std::string_view text, ParagraphBuilder* builder) {
  size_t start = 0;
  while (start <= text.size()) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      builder->Append(text.substr(start));
      return;
    }
    builder->Append(text.substr(start, nl - start));
    builder->Break();
    start = nl + 1;
  }
}

void CollectParagraphs(const GumboNode* root, std::vector<Paragraph>* paragraphs) {
  ParagraphBuilder builder(paragraphs);
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
  };
  std::vector<Frame> stack;
  int preformatted = 0;
  // Entering a node: text is appended at once; an element opens a frame.
  auto enter = [&](const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (preformatted > 0) {
          AppendPreformatted(node->v.text.text, &builder);
        } else {
          builder.Append(node->type == GUMBO_NODE_WHITESPACE ? std::string_view(" ")
                                                             : std::string_view(node->v.text.text));
        }
        return;
      case GUMBO_NODE_ELEMENT: {
        const GumboTag tag = node->v.element.tag;
        if (IsSkipped(tag) || gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return;
        if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
          builder.Break();
          return;
        }
        if (IsBlockTag(tag)) builder.Break();
        if (IsPreformatted(tag)) ++preformatted;
        stack.push_back({node, 0});
        return;
      }
      case GUMBO_NODE_DOCUMENT:
        stack.push_back({node, 0});
        return;
      default:  // comments, <template> contents
        return;
    }
  };
  enter(root);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->type == GUMBO_NODE_DOCUMENT ? frame.node->v.document.children
                                                                          : frame.node->v.element.children;
    if (frame.next_child < children.length) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      enter(child);  // may reallocate the stack: `frame` is not used after this
      continue;
    }
    if (frame.node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = frame.node->v.element.tag;
      if (IsBlockTag(tag)) builder.Break();
      if (IsPreformatted(tag)) --preformatted;
    }
    stack.pop_back();
  }
  builder.Break();
}

}  // namespace

Status ReadHtml(const std::string& path, std::string_view bytes, const DocumentReadOptions& options,
                std::vector<Paragraph>* paragraphs, std::string* encoding) {
  std::string utf8;
  TMALIGN_RETURN_IF_ERROR(DecodeHtml(path, bytes, options.encoding, &utf8, encoding));
  // gumbo's tree building costs time in proportion to the depth of the open elements and
  // recurses over the tree: markup nested deeper than browsers build is flattened first.
  std::string flattened;
  if (FlattenDeepHtml(utf8, kMaxHtmlDepth, &flattened)) utf8.swap(flattened);
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // gumbo copies the open-element stack into every error
  GumboOutput* output = gumbo_parse_with_options(&gumbo_options, utf8.data(), utf8.size());
  if (output == nullptr) return Status::Internal(path + ": the HTML parser failed");
  CollectParagraphs(output->document, paragraphs);
  gumbo_destroy_output(&gumbo_options, output);
  return Status::Ok();
}

}  // namespace tmalign
