/**
 * Downloads: the CSV files the API serves (a batch's rejects and its report), streamed a page at a
 * time, with phones masked for every role but ADMIN and cells a spreadsheet would run as formulas
 * neutralised.
 */
package org.smsengine.download;
