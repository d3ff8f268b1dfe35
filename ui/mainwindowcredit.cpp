// The main window's credit: the balance in the status bar and the Contribution chart, asked
// from the provider's PAMS through the PeerSession (asynchronous) once a minute.
#include "mainwindow.h"

#include <models/format.h>
#include <models/transfermodel.h>
#include <user/session/peersession.h>
#include <views/contributionview.h>

#include <QLabel>

namespace mp2p {

void MainWindow::refreshCredit()
{
    if (!m_session || !m_session->isReady())
        return;
    QPointer<MainWindow> self(this);
    m_session->queryCredit([self](const JsonReply &reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            // A provider without the credit service answers 404: say so once, quietly.
            const QString problem = reply.status == 404 ? tr("this provider keeps no credit") : reply.problem;
            self->m_creditLabel->setText(tr("Credit: –"));
            self->m_creditLabel->setToolTip(problem);
            self->m_contribution->setProblem(problem);
            return;
        }
        QHash<QString, QString> names;
        for (int row = 0; row < self->m_model->rowCount(); ++row)
            if (const auto t = self->m_model->transferAt(row))
                names.insert(t->infoHash, t->name);
        self->m_contribution->setCredit(reply.body, names);
        self->m_creditLabel->setText(tr("Credit: %1").arg(formatBytes(qint64(reply.body.value(QStringLiteral("balance")).toDouble()))));
        self->m_creditLabel->setToolTip(tr("Credit the provider's PAMS grants you for uploading; refreshed every minute"));
    });
}

QString MainWindow::creditText() const
{
    return m_creditLabel->text();
}

} // namespace mp2p
