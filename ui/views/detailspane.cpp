#include "detailspane.h"

#include <models/format.h>
#include <models/transfermodel.h>

#include <QFormLayout>
#include <QLabel>

namespace mp2p {

DetailsPane::DetailsPane(TransferModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const std::pair<const char *, QString> fields[] = {
        {"name", tr("Name:")},         {"savePath", tr("Saved in:")},   {"infoHash", tr("Info-hash / overlay:")},
        {"oms", tr("Overlay manager (OMS):")}, {"state", tr("State:")}, {"transferred", tr("Downloaded / uploaded:")},
        {"peers", tr("Peers:")},       {"error", tr("Last error:")},
    };
    for (const auto &[key, label] : fields)
        form->addRow(label, addField(QString::fromLatin1(key), label));
    setAccessibleName(tr("Transfer details"));
    connect(model, &QAbstractItemModel::dataChanged, this, &DetailsPane::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &DetailsPane::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &DetailsPane::refresh);
    refresh();
}

QLabel *DetailsPane::addField(const QString &key, const QString &label)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setAccessibleName(label);
    m_fields.insert(key, value);
    return value;
}

void DetailsPane::setInfoHash(const QString &infoHash)
{
    m_infoHash = infoHash;
    refresh();
}

void DetailsPane::setOmsUrl(const QString &url)
{
    m_omsUrl = url;
    refresh();
}

QString DetailsPane::text(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

void DetailsPane::refresh()
{
    const auto t = m_model->transferAt(m_model->rowOf(m_infoHash));
    if (!t) {
        for (QLabel *label : std::as_const(m_fields))
            label->clear();
        m_fields.value(QStringLiteral("name"))->setText(tr("Select a transfer to see its details."));
        return;
    }
    m_fields.value(QStringLiteral("name"))->setText(t->name);
    m_fields.value(QStringLiteral("savePath"))->setText(t->savePath);
    m_fields.value(QStringLiteral("infoHash"))->setText(t->infoHash);
    m_fields.value(QStringLiteral("oms"))->setText(m_omsUrl);
    m_fields.value(QStringLiteral("state"))->setText(TransferModel::stateText(t->state));
    m_fields.value(QStringLiteral("transferred"))->setText(tr("%1 / %2").arg(formatBytes(t->downloaded), formatBytes(t->uploaded)));
    m_fields.value(QStringLiteral("peers"))->setText(tr("%1 connected, %2 seeds; downloading from %3, uploading to %4")
                                                         .arg(t->peers).arg(t->seeds).arg(t->downloadConnections).arg(t->uploadConnections));
    m_fields.value(QStringLiteral("error"))->setText(t->error);
}

} // namespace mp2p
