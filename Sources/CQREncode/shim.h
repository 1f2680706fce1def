// Debian's libqrencode (libqrencode-dev): the QR codes a station shows for phones to open its pages.
#include <qrencode.h>
