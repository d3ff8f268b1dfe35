#pragma once

#include <QHash>
#include <QWidget>

class QLabel;

namespace mp2p {

class TransferModel;

// What is known about the selected transfer: name, save path, info-hash (= overlay id), OMS,
// bytes both ways, peers, the last error. Follows the model's updates.
class DetailsPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPane(TransferModel *model, QWidget *parent = nullptr);

    void setInfoHash(const QString &infoHash);
    void setOmsUrl(const QString &url);
    QString text(const QString &field) const;  // a field's shown value (tests)

private:
    void refresh();
    QLabel *addField(const QString &key, const QString &label);

    TransferModel *m_model;
    QString m_infoHash;
    QString m_omsUrl;
    QHash<QString, QLabel *> m_fields;
};

} // namespace mp2p
