/**
 * Reading uploaded .xlsx workbooks with bounded memory. Every workbook the service receives (a rule
 * table from staff, an inventory from anyone) is read here, with limits checked before anything is
 * allocated for it; nothing else in the service hands uploaded bytes to POI or Drools.
 */
package cn.wenzhou.renovation.workbook;
