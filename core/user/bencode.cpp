#include "bencode.h"

#include <libtorrent/bdecode.hpp>
#include <libtorrent/bencode.hpp>
#include <libtorrent/entry.hpp>

#include <iterator>

namespace mp2p {

namespace {
lt::entry toEntry(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        lt::entry e(lt::entry::dictionary_t);
        const QVariantMap map = value.toMap();
        // Keys are byte strings (a scrape answer is keyed by raw 20-byte info-hashes), so each
        // QString character stands for one byte: Latin-1 both ways, never UTF-8.
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const QByteArray key = it.key().toLatin1();
            e[std::string(key.constData(), size_t(key.size()))] = toEntry(it.value());
        }
        return e;
    }
    case QMetaType::QVariantList: {
        lt::entry e(lt::entry::list_t);
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            e.list().push_back(toEntry(item));
        return e;
    }
    case QMetaType::QByteArray: {
        const QByteArray b = value.toByteArray();
        return lt::entry(std::string(b.constData(), size_t(b.size())));
    }
    case QMetaType::QString:
        return lt::entry(value.toString().toStdString());
    case QMetaType::Bool:
        return lt::entry(lt::entry::integer_type(value.toBool() ? 1 : 0));
    default:
        return lt::entry(lt::entry::integer_type(value.toLongLong()));
    }
}

QVariant fromNode(const lt::bdecode_node &node)
{
    switch (node.type()) {
    case lt::bdecode_node::dict_t: {
        QVariantMap map;
        for (int i = 0; i < node.dict_size(); ++i) {
            const auto item = node.dict_at_node(i);
            const auto key = item.first.string_value();
            map.insert(QString::fromLatin1(key.data(), qsizetype(key.size())), fromNode(item.second));
        }
        return map;
    }
    case lt::bdecode_node::list_t: {
        QVariantList list;
        for (int i = 0; i < node.list_size(); ++i)
            list.append(fromNode(node.list_at(i)));
        return list;
    }
    case lt::bdecode_node::string_t: {
        const auto s = node.string_value();
        return QByteArray(s.data(), qsizetype(s.size()));
    }
    case lt::bdecode_node::int_t:
        return QVariant::fromValue<qint64>(node.int_value());
    case lt::bdecode_node::none_t:
        break;
    }
    return {};
}
} // namespace

QByteArray bencode(const QVariant &value)
{
    std::string out;
    lt::bencode(std::back_inserter(out), toEntry(value));
    return QByteArray(out.data(), qsizetype(out.size()));
}

std::optional<QVariant> bdecode(const QByteArray &data, QString *error)
{
    lt::error_code ec;
    int errorPos = 0;
    const lt::bdecode_node node = lt::bdecode({data.constData(), data.size()}, ec, &errorPos);
    if (ec) {
        if (error)
            *error = QStringLiteral("malformed bencoding at byte %1: %2")
                         .arg(errorPos)
                         .arg(QString::fromStdString(ec.message()));
        return std::nullopt;
    }
    return fromNode(node);
}

std::optional<QByteArray> torrentInfoSection(const QByteArray &torrentFile, QString *error)
{
    lt::error_code ec;
    int errorPos = 0;
    const lt::bdecode_node node = lt::bdecode({torrentFile.constData(), torrentFile.size()}, ec, &errorPos);
    if (ec) {
        if (error)
            *error = QStringLiteral("the torrent metadata is not valid bencoding (byte %1: %2)")
                         .arg(errorPos)
                         .arg(QString::fromStdString(ec.message()));
        return std::nullopt;
    }
    const lt::bdecode_node info = node.type() == lt::bdecode_node::dict_t ? node.dict_find_dict("info") : lt::bdecode_node();
    if (!info) {
        if (error)
            *error = QStringLiteral("the torrent metadata has no 'info' dictionary");
        return std::nullopt;
    }
    const auto section = info.data_section();
    return QByteArray(section.data(), qsizetype(section.size()));
}

} // namespace mp2p
