#include "SlowMotion.h"

#include <QCoreApplication>
#include <QLabel>
#include <QSlider>
#include <QToolBar>

#include <algorithm>

namespace actorscope::views {

SlowMotionControl SlowMotionControl::add(QToolBar* tb, const QString& objectName, const QString& toolTip, int width,
                                         std::function<void(int)> changed) {
  SlowMotionControl c;
  tb->addWidget(new QLabel(QCoreApplication::translate("SlowMotion", " Slow motion "), tb));
  c.slider = new QSlider(Qt::Horizontal, tb);
  c.slider->setObjectName(objectName);
  c.slider->setRange(0, kMaxMs);
  c.slider->setSingleStep(50);
  c.slider->setPageStep(250);
  c.slider->setFixedWidth(width);
  c.slider->setToolTip(toolTip);
  QObject::connect(c.slider, &QSlider::valueChanged, tb, std::move(changed));
  tb->addWidget(c.slider);
  c.value = new QLabel(QCoreApplication::translate("SlowMotion", "off"), tb);
  c.value->setMinimumWidth(width / 3);
  tb->addWidget(c.value);
  return c;
}

int SlowMotionControl::show(int ms) const {
  ms = std::clamp(ms, 0, kMaxMs);
  if (slider->value() != ms) slider->setValue(ms);
  value->setText(ms == 0 ? QCoreApplication::translate("SlowMotion", "off")
                        : QCoreApplication::translate("SlowMotion", "%1 ms").arg(ms));
  return ms;
}

int SlowMotionControl::ms() const { return slider ? slider->value() : 0; }

}  // namespace actorscope::views
