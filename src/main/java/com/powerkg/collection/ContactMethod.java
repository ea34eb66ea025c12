package com.powerkg.collection;

/** How a collection task reaches the customer (the methods of dunning_contacts.csv). */
public enum ContactMethod {

	SMS, PHONE, ONSITE, WRITTEN_NOTICE

}
