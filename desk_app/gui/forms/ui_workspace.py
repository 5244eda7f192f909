# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workspace.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QToolButton, QVBoxLayout, QWidget)

class Ui_Workspace(object):
    def setupUi(self, Workspace):
        if not Workspace.objectName():
            Workspace.setObjectName(u"Workspace")
        Workspace.resize(1100, 700)
        self.mainLayout = QHBoxLayout(Workspace)
        self.mainLayout.setObjectName(u"mainLayout")
        self.workTabs = QTabWidget(Workspace)
        self.workTabs.setObjectName(u"workTabs")
        self.queueTab = QWidget()
        self.queueTab.setObjectName(u"queueTab")
        self.queuesLayout = QVBoxLayout(self.queueTab)
        self.queuesLayout.setObjectName(u"queuesLayout")
        self.summaryBox = QGroupBox(self.queueTab)
        self.summaryBox.setObjectName(u"summaryBox")
        self.summaryLayout = QVBoxLayout(self.summaryBox)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryView = QTableView(self.summaryBox)
        self.summaryView.setObjectName(u"summaryView")
        self.summaryView.setMaximumSize(QSize(16777215, 170))
        self.summaryView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summaryView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summaryView.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.summaryLayout.addWidget(self.summaryView)


        self.queuesLayout.addWidget(self.summaryBox)

        self.ticketsBox = QGroupBox(self.queueTab)
        self.ticketsBox.setObjectName(u"ticketsBox")
        self.ticketsLayout = QVBoxLayout(self.ticketsBox)
        self.ticketsLayout.setObjectName(u"ticketsLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterLabel = QLabel(self.ticketsBox)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterLayout.addWidget(self.filterLabel)

        self.statusFilter = QComboBox(self.ticketsBox)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)

        self.filterSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.countLabel = QLabel(self.ticketsBox)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)


        self.ticketsLayout.addLayout(self.filterLayout)

        self.ticketsView = QTableView(self.ticketsBox)
        self.ticketsView.setObjectName(u"ticketsView")
        self.ticketsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ticketsView.setAlternatingRowColors(True)
        self.ticketsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ticketsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.ticketsLayout.addWidget(self.ticketsView)

        self.selectedActionsLayout = QHBoxLayout()
        self.selectedActionsLayout.setObjectName(u"selectedActionsLayout")
        self.resumeButton = QToolButton(self.ticketsBox)
        self.resumeButton.setObjectName(u"resumeButton")

        self.selectedActionsLayout.addWidget(self.resumeButton)

        self.reactivateButton = QToolButton(self.ticketsBox)
        self.reactivateButton.setObjectName(u"reactivateButton")

        self.selectedActionsLayout.addWidget(self.reactivateButton)

        self.cancelButton = QToolButton(self.ticketsBox)
        self.cancelButton.setObjectName(u"cancelButton")

        self.selectedActionsLayout.addWidget(self.cancelButton)

        self.selectedSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selectedActionsLayout.addItem(self.selectedSpacer)


        self.ticketsLayout.addLayout(self.selectedActionsLayout)


        self.queuesLayout.addWidget(self.ticketsBox)

        self.queuesLayout.setStretch(1, 1)
        self.workTabs.addTab(self.queueTab, "")
        self.checklistTab = QWidget()
        self.checklistTab.setObjectName(u"checklistTab")
        self.checklistLayout = QVBoxLayout(self.checklistTab)
        self.checklistLayout.setObjectName(u"checklistLayout")
        self.checklistLayout.setContentsMargins(0, 0, 0, 0)
        self.workTabs.addTab(self.checklistTab, "")

        self.mainLayout.addWidget(self.workTabs)

        self.counterLayout = QVBoxLayout()
        self.counterLayout.setObjectName(u"counterLayout")
        self.currentBox = QGroupBox(Workspace)
        self.currentBox.setObjectName(u"currentBox")
        self.currentLayout = QVBoxLayout(self.currentBox)
        self.currentLayout.setObjectName(u"currentLayout")
        self.currentNumber = QLabel(self.currentBox)
        self.currentNumber.setObjectName(u"currentNumber")
        self.currentNumber.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.currentLayout.addWidget(self.currentNumber)

        self.currentDetails = QLabel(self.currentBox)
        self.currentDetails.setObjectName(u"currentDetails")
        self.currentDetails.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.currentDetails.setWordWrap(True)

        self.currentLayout.addWidget(self.currentDetails)

        self.actionsGrid = QGridLayout()
        self.actionsGrid.setObjectName(u"actionsGrid")
        self.callNextButton = QToolButton(self.currentBox)
        self.callNextButton.setObjectName(u"callNextButton")

        self.actionsGrid.addWidget(self.callNextButton, 0, 0, 1, 2)

        self.recallButton = QToolButton(self.currentBox)
        self.recallButton.setObjectName(u"recallButton")

        self.actionsGrid.addWidget(self.recallButton, 1, 0, 1, 1)

        self.serveButton = QToolButton(self.currentBox)
        self.serveButton.setObjectName(u"serveButton")

        self.actionsGrid.addWidget(self.serveButton, 1, 1, 1, 1)

        self.noShowButton = QToolButton(self.currentBox)
        self.noShowButton.setObjectName(u"noShowButton")

        self.actionsGrid.addWidget(self.noShowButton, 2, 0, 1, 1)

        self.parkButton = QToolButton(self.currentBox)
        self.parkButton.setObjectName(u"parkButton")

        self.actionsGrid.addWidget(self.parkButton, 2, 1, 1, 1)

        self.transferButton = QToolButton(self.currentBox)
        self.transferButton.setObjectName(u"transferButton")

        self.actionsGrid.addWidget(self.transferButton, 3, 0, 1, 1)

        self.finishButton = QToolButton(self.currentBox)
        self.finishButton.setObjectName(u"finishButton")

        self.actionsGrid.addWidget(self.finishButton, 3, 1, 1, 1)


        self.currentLayout.addLayout(self.actionsGrid)

        self.outcomeLayout = QFormLayout()
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLabel = QLabel(self.currentBox)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(self.currentBox)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.outcomeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)


        self.currentLayout.addLayout(self.outcomeLayout)


        self.counterLayout.addWidget(self.currentBox)

        self.walkInButton = QToolButton(Workspace)
        self.walkInButton.setObjectName(u"walkInButton")

        self.counterLayout.addWidget(self.walkInButton)

        self.counterSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.counterLayout.addItem(self.counterSpacer)


        self.mainLayout.addLayout(self.counterLayout)

        self.mainLayout.setStretch(0, 3)
        self.mainLayout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.statusFilter)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(Workspace)

        self.workTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(Workspace)
    # setupUi

    def retranslateUi(self, Workspace):
        self.summaryBox.setTitle(QCoreApplication.translate("Workspace", u"Queues of this desk", None))
        self.ticketsBox.setTitle(QCoreApplication.translate("Workspace", u"Tickets", None))
        self.filterLabel.setText(QCoreApplication.translate("Workspace", u"&Show", None))
        self.workTabs.setTabText(self.workTabs.indexOf(self.queueTab), QCoreApplication.translate("Workspace", u"&Queue", None))
        self.workTabs.setTabText(self.workTabs.indexOf(self.checklistTab), QCoreApplication.translate("Workspace", u"C&hecklist", None))
        self.currentBox.setTitle(QCoreApplication.translate("Workspace", u"Ticket at this desk", None))
        self.currentNumber.setText(QCoreApplication.translate("Workspace", u"\u2014", None))
        self.outcomeLabel.setText(QCoreApplication.translate("Workspace", u"&Outcome", None))
        pass
    # retranslateUi

